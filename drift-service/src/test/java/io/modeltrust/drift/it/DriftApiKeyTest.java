package io.modeltrust.drift.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.modeltrust.security.ApiKeyRing;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A metric service with API keys on (service-support brings the filter): its results need a read key, /q none. */
@QuarkusTest
@TestProfile(DriftApiKeyTest.WithKeys.class)
class DriftApiKeyTest {

    private static final String READ_KEY = "drift-test-read-Vb2mK8xQ4zP1nR7c";

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api.keys", "grafana:read:" + ApiKeyRing.sha256Hex(READ_KEY));
        }
    }

    @Test
    void resultsNeedAReadKey() {
        given().get("/api/v1/models/credit/drift").then().statusCode(401).contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", "ApiKey header=\"X-API-Key\"").body("status", equalTo(401));
        given().header("X-API-Key", "wrong").get("/api/v1/models/credit/drift/b1").then().statusCode(401);
        given().header("X-API-Key", READ_KEY).get("/api/v1/models/no-such-model/drift").then().statusCode(200);
        given().header("X-API-Key", READ_KEY).get("/api/v1/models/no-such-model/drift/no-such-batch").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        // A read key on anything but a read is a 403 even where no such endpoint exists: the role is checked first.
        given().header("X-API-Key", READ_KEY).post("/api/v1/models/credit/drift").then().statusCode(403);
    }

    @Test
    void operationsEndpointsStayOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
