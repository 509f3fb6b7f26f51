package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Second life of the restart test. The service restarted after {@link RestartPhase1Test} with its
 * consumer group rewound to before the first life (every offset commit lost) and with alert events
 * of the first life still in the outbox. Every result is read again, every alert event is published
 * once: nothing is lost, nothing is duplicated.
 */
@QuarkusTest
@TestProfile(RestartProfiles.SecondLife.class)
class RestartPhase2Test {

    static double metric(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name)).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void secondLifeNeitherLosesNorDuplicates() {
        String m = System.getProperty(RestartProfiles.MODEL);
        Assumptions.assumeTrue(m != null, "runs after RestartPhase1Test in the same JVM");
        try (TopicProbe alerts = new TopicProbe("monitoring.alerts"); ResultSender sender = new ResultSender()) {
            sender.send(Results.drift(m, "b6", RestartPhase1Test.T0.plusSeconds(3600L * 6), List.of()));
            Await.until("batch b6", Duration.ofSeconds(60), () -> given().get("/api/v1/models/" + m + "/batches?limit=1")
                    .jsonPath().getList("batchId").contains("b6"));

            Map<String, List<String>> expected = new LinkedHashMap<>();
            expected.put("drift.features|income", List.of("open/1/b1", "open/2/b2", "open/3/b3", "resolved/3/b3"));
            expected.put("retraining.drift|", List.of("open/1/b3", "resolved/1/b3"));
            var from = RestartProfiles.decode("monitoring.alerts", System.getProperty(RestartProfiles.ALERTS_FROM));
            List<io.modeltrust.model.event.AlertEvent> events = AlertFlowTest.readEvents(alerts, from, m,
                    AlertFlowTest.count(expected));
            assertEquals(expected, AlertFlowTest.byAlert(events));

            given().get("/api/v1/models/" + m).then().body("results", equalTo(6));
            // The rewound first-life results were read again and recognised by eventId.
            double duplicates = metric(given().get("/q/metrics").asString(), "alert_results_duplicates_total");
            org.junit.jupiter.api.Assertions.assertTrue(duplicates >= 3, "redelivered results skipped: " + duplicates);
            given().get("/api/v1/alerts?modelId=" + m).then().body("size()", equalTo(2))
                    .body("status", equalTo(List.of("resolved", "resolved")));
        }
    }
}
