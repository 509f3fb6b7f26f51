package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/models/{id}/drift-matrix: the heat map's data in one answer, from the stored vectors. */
@QuarkusTest
class DriftMatrixApiTest {

    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void featuresByBatchOldestFirstWithDriftedFlagsAndShare() {
        String m = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        try (ResultSender sender = new ResultSender()) {
            sender.send(Results.drift(m, "b1", T0.plusSeconds(3600), List.of("income", "age")));
            sender.send(Results.drift(m, "b2", T0.plusSeconds(7200), List.of("purpose")));
            sender.send(Results.performance(m, "b3", T0.plusSeconds(9000), 1, 0.8, 0.02, 0.85)); // no drift: not a column
            sender.send(Results.drift(m, "b4", T0.plusSeconds(10800), List.of()));
        }
        Await.until("4 results of " + m, Duration.ofSeconds(60), () -> given().get("/api/v1/models/" + m)
                .then().extract().statusCode() == 200 && given().get("/api/v1/models/" + m).jsonPath().getInt("results") == 4);

        given().get("/api/v1/models/" + m + "/drift-matrix").then().statusCode(200)
                .body("modelId", equalTo(m)).body("value", equalTo("psi"))
                .body("features", equalTo(Results.FEATURES))
                .body("batches.batchId", equalTo(List.of("b1", "b2", "b4")))
                .body("batches[0].at", equalTo("2026-11-21T01:00:00Z"))
                .body("driftShare", equalTo(List.of(0.4f, 0.2f, 0)))
                .body("values[0]", equalTo(List.of(0.42f, 0.42f, 0.01f, 0.01f, 0.01f)))
                .body("drifted", equalTo(List.of(List.of(1, 1, 0, 0, 0), List.of(0, 0, 1, 0, 0), List.of(0, 0, 0, 0, 0))));
        given().get("/api/v1/models/" + m + "/drift-matrix?limit=2&value=jensenShannon").then().statusCode(200)
                .body("value", equalTo("jensenShannon")).body("batches.batchId", equalTo(List.of("b2", "b4")))
                .body("values[0][2]", equalTo(0.2f));
        given().get("/api/v1/models/" + m + "/drift-matrix?to=" + T0.plusSeconds(7200)).then().statusCode(200)
                .body("batches.batchId", equalTo(List.of("b1")));
        given().get("/api/v1/models/" + m + "/drift-matrix?value=drifted").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/models/" + m + "/drift-matrix?limit=0").then().statusCode(400);
        given().get("/api/v1/models/no-such-" + m + "/drift-matrix").then().statusCode(404)
                .contentType("application/problem+json").body("errors", nullValue());
    }
}
