package io.modeltrust.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void pagesAndApiGetASelfOnlyPolicyThatForbidsFramingAndInlineCode() {
        for (String path : List.of("/", "/index.html", "/js/app.js", "/api/v1/models", "/quiet")) {
            Map<String, String> h = SecurityHeaders.forPath(path);
            assertEquals("nosniff", h.get("X-Content-Type-Options"), path);
            assertEquals("DENY", h.get("X-Frame-Options"), path);
            String csp = h.get("Content-Security-Policy");
            assertTrue(csp.startsWith("default-src 'self'; "), csp);
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("*"), csp);
        }
    }

    @Test
    void quarkusToolPagesKeepTheirInlineScriptsButNotFraming() {
        for (String path : List.of("/q", "/q/swagger-ui/", "/q/dev-ui")) {
            Map<String, String> h = SecurityHeaders.forPath(path);
            assertFalse(h.containsKey("Content-Security-Policy"), path);
            assertEquals("DENY", h.get("X-Frame-Options"), path);
            assertEquals("nosniff", h.get("X-Content-Type-Options"), path);
        }
    }
}
