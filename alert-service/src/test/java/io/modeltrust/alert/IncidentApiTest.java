package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/models/{modelId}/incidents through the real broker and database: drift from batch 2 and an
 * accuracy drop from batch 3 overlap, so they are one incident whose explanation names both, read from
 * the stored results.
 */
@QuarkusTest
class IncidentApiTest {

    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");
    private static ResultSender sender;

    @BeforeAll
    static void open() {
        sender = new ResultSender();
    }

    @AfterAll
    static void close() {
        sender.close();
    }

    @Test
    void overlappingDriftAndAccuracyAlertsAreOneExplainedIncident() {
        String m = "incident-" + UUID.randomUUID().toString().substring(0, 8);
        for (int b = 1; b <= 4; b++) {
            Instant at = T0.plus(Duration.ofHours(b));
            sender.send(Results.drift(m, "b" + b, at, b >= 2 ? List.of("income", "age", "amount") : List.of()));
            sender.send(Results.performance(m, "b" + b, at, 1, b >= 3 ? 0.70 : 0.87, 0.02, 0.9));
        }
        Await.value("an incident with drift and performance", Duration.ofSeconds(60),
                () -> given().get("/api/v1/models/" + m + "/incidents").then().statusCode(200).extract().jsonPath(),
                j -> j.getList("$").size() == 1 && j.getList("[0].kinds").containsAll(List.of("drift", "performance")));
        given().get("/api/v1/models/" + m + "/incidents").then().statusCode(200)
                .body("[0].status", equalTo("open"))
                .body("[0].severity", equalTo("critical"))
                .body("[0].alerts.rule", hasItems("drift.features", "performance.accuracy-drop"))
                .body("[0].explanation", containsString("drifted since batch #2"))
                .body("[0].explanation", containsString("accuracy fell from 0.87 to 0.7 from batch #3"));
        given().get("/api/v1/models/" + m + "/incidents?status=resolved").then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/v1/models/" + m + "/incidents?status=maybe").then().statusCode(400);
        given().get("/api/v1/models/no-such-model-" + UUID.randomUUID().toString().substring(0, 6) + "/incidents")
                .then().statusCode(404);
    }
}
