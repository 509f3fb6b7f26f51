package io.modeltrust.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Kafka unreachable a POST answers 503 problem+json within the configured bound, never hangs. */
@QuarkusTest
@TestProfile(BrokerDownTest.NoBroker.class)
class BrokerDownTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1", "ingest.publish-timeout", "3s",
                    "ingest.max-body-bytes", "20000");
        }
    }

    @Test
    void postAnswers503Promptly() {
        String model = CreditModelFixture.registerOnly();
        long started = System.nanoTime();
        given().contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV)
                .post("/api/v1/models/" + model + "/reference").then().statusCode(503)
                .contentType(startsWith("application/problem+json")).header("Retry-After", "5");
        assertTrue(System.nanoTime() - started < 15_000_000_000L, "503 must come within a bounded time");
    }

    @Test
    void bodiesOverTheLimitGet413() {
        String model = CreditModelFixture.registerOnly();
        String big = "application_id,income,purpose,sex,approved,score\n" + "a,1,car,male,1,0.5\n".repeat(2000);
        given().contentType("text/csv").body(big).post("/api/v1/models/" + model + "/reference").then().statusCode(413)
                .contentType(startsWith("application/problem+json"));
    }
}
