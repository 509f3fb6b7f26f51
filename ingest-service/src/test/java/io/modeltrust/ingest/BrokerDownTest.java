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
            // One row per chunk: a batch is many records, each of which could wait for the broker.
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1", "ingest.publish-timeout", "3s",
                    "ingest.max-body-bytes", "20000", "ingest.chunk-rows", "1");
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
    void aBatchOfManyRecordsStillAnswersWithinThePublishTimeout() {
        String model = CreditModelFixture.registerOnly();
        StringBuilder body = new StringBuilder("application_id,income,purpose,sex,approved,score,defaulted\n");
        for (int i = 0; i < 20; i++) {
            body.append("r").append(i).append(",1000,car,male,1,0.5,").append(i % 2).append('\n');
        }
        long started = System.nanoTime();
        given().contentType("text/csv").body(body.toString()).post("/api/v1/models/" + model + "/reference").then()
                .statusCode(503).header("Retry-After", "5");
        // 22 records; each send may block for max.block.ms when the broker is away, so without a
        // deadline per send the answer would take 22 times that instead of the 3 s publish timeout.
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertTrue(ms < 8_000, "503 after " + ms + " ms, publish timeout 3 s");
    }

    @Test
    void bodiesOverTheLimitGet413() {
        String model = CreditModelFixture.registerOnly();
        String big = "application_id,income,purpose,sex,approved,score\n" + "a,1,car,male,1,0.5\n".repeat(2000);
        given().contentType("text/csv").body(big).post("/api/v1/models/" + model + "/reference").then().statusCode(413)
                .contentType(startsWith("application/problem+json"));
    }
}
