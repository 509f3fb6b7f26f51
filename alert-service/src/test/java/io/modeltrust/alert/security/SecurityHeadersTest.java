package io.modeltrust.alert.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP, the dashboard's page and files and the API answer with the shared security headers
 * (api-security's SecurityHeadersFilter): a self-only Content-Security-Policy with frame-ancestors 'none' and no
 * inline code, nosniff, and X-Frame-Options DENY; errors too. Quarkus' /q/ pages keep nosniff and DENY only.
 */
@QuarkusTest
class SecurityHeadersTest {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Test
    void dashboardFilesAndApiAnswersCarryThePolicy() {
        for (String path : List.of("/", "/index.html", "/app.css", "/js/app.js", "/js/errors.js", "/js/pages/batch.js",
                "/api/v1/models", "/api/v1/models/no-such-model", "/no-such-file.js")) {
            Response r = given().get(path);
            assertEquals(POLICY, r.header("Content-Security-Policy"), path + " (HTTP " + r.statusCode() + ")");
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
            assertEquals("DENY", r.header("X-Frame-Options"), path);
        }
        assertEquals(200, given().get("/").statusCode());
        assertEquals(404, given().get("/api/v1/models/no-such-model").statusCode());
    }

    @Test
    void quarkusToolPagesGetNoPolicyButStayUnframed() {
        Response r = given().get("/q/health/live");
        assertEquals(200, r.statusCode());
        assertNull(r.header("Content-Security-Policy"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("DENY", r.header("X-Frame-Options"));
    }

    @Test
    void aHeaderIsSentOnce() {
        Response r = given().get("/");
        assertEquals(1, r.headers().getList("Content-Security-Policy").size());
        assertTrue(r.header("Content-Type").startsWith("text/html"));
    }
}
