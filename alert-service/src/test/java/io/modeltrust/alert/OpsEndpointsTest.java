package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Health, Prometheus metrics and the OpenAPI document that operators and clients rely on. */
@QuarkusTest
class OpsEndpointsTest {

    @Test
    void healthMetricsAndOpenApi() {
        String m = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        try (ResultSender sender = new ResultSender()) {
            sender.send(Results.fairness(m, "b1", Instant.parse("2026-11-21T00:00:00Z"), 0.3, 0.001));
        }
        Await.until("the result", Duration.ofSeconds(60), () -> given().get("/api/v1/models/" + m).statusCode() == 200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("alert-pipeline"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("alert_results_stored_total{kind=\"fairness\"", "alert_alerts_total{kind=\"fairness\"",
                "severity=\"critical\"", "transition=\"opened\"")) {
            org.junit.jupiter.api.Assertions.assertTrue(metrics.contains(name), name);
        }
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("drift.features.<name|*>"))
                .body(containsString("/api/v1/models/{modelId}/metrics/{metric}"))
                .body(containsString("/api/v1/notification-channels/deliveries"));
        given().get("/api/v1/alerts/not-a-uuid").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/api/v1/models/unknown-model-xyz/batches").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/alerts?status=sleeping").then().statusCode(400).contentType("application/problem+json");
    }
}
