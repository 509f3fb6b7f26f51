package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.model.Json;
import io.modeltrust.model.event.AlertEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model's results over six batches, with the default rules, produce exactly the expected alert
 * events on monitoring.alerts (read by a plain consumer) and the same alerts in the history API:
 * openings, updates, auto-resolutions, retraining recommendations, a cooldown reopen after delayed
 * labels, and the human transitions.
 */
@QuarkusTest
class AlertFlowTest {

    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static TopicProbe alerts;
    private static ResultSender sender;

    @BeforeAll
    static void open() {
        alerts = new TopicProbe("monitoring.alerts");
        sender = new ResultSender();
    }

    @AfterAll
    static void close() {
        alerts.close();
        sender.close();
    }

    static Instant hour(int h) {
        return T0.plus(Duration.ofHours(h));
    }

    @Test
    void resultSequenceProducesExactlyTheExpectedAlerts() throws Exception {
        String m = "flow-" + UUID.randomUUID().toString().substring(0, 8);
        Map<TopicPartition, Long> from = alerts.endOffsets();
        Map<String, String> sent = new LinkedHashMap<>();
        List<String> two = List.of("income", "age");
        double[] female = {0.3, 0.35, 0.5, 0.5};
        Double[] accuracy = {0.80, 0.79, 0.86, 0.87};
        for (int b = 1; b <= 5; b++) {
            String batch = "b" + b;
            sent.put(batch + "/drift", sender.send(Results.drift(m, batch, hour(b), b <= 3 ? two : List.of())));
            Double acc = b <= 4 ? accuracy[b - 1] : null; // b5: no labels yet
            sent.put(batch + "/performance", sender.send(Results.performance(m, batch, hour(b), 1, acc, 0.02, 0.85)));
            if (b <= 4) {
                sent.put(batch + "/fairness", sender.send(Results.fairness(m, batch, hour(b), female[b - 1], 0.001)));
            }
        }
        // Delayed labels: revision 2 of b5's performance breaches again within the cooldown of the resolved alert.
        ObjectNode late = Results.performance(m, "b5", hour(5), 2, 0.78, 0.02, 0.85);
        sent.put("b5/performance/2", sender.send(late));
        // Redelivery (same eventId) and a second event for a stored (batch, kind, revision): both stored once, judged once.
        sender.sendRaw(m, sent.get("b1/drift"));
        ObjectNode sameRevision = (ObjectNode) Json.MAPPER.valueToTree(Results.drift(m, "b2", hour(2), two));
        sender.send(sameRevision);
        sender.send(Results.drift(m, "b6", hour(6), List.of())); // sentinel: its arrival means all of the above were read

        Await.until("batch b6 of " + m, WAIT, () -> given().get("/api/v1/models/" + m + "/batches?limit=1")
                .then().extract().statusCode() == 200
                && "b6".equals(given().get("/api/v1/models/" + m + "/batches?limit=1").jsonPath().getString("[0].batchId")));

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("drift.features|income", List.of("open/1/b1", "open/2/b2", "open/3/b3", "resolved/3/b3"));
        expected.put("retraining.drift|", List.of("open/1/b3", "resolved/1/b3"));
        expected.put("fairness.disparate-impact|sex=female", List.of("open/1/b1", "open/2/b2", "resolved/2/b2"));
        expected.put("fairness.statistical-parity|sex=female", List.of("open/1/b1", "open/2/b2", "resolved/2/b2"));
        expected.put("performance.accuracy-drop|", List.of("open/1/b1", "open/2/b2", "resolved/2/b2", "open/3/b5"));
        expected.put("retraining.accuracy|", List.of("open/1/b2", "resolved/1/b2"));
        assertEquals(expected, byAlert(readEvents(from, m, count(expected))));

        // The history API holds the same alerts.
        JsonPath list = given().get("/api/v1/alerts?modelId=" + m).then().statusCode(200).body("", hasSize(6)).extract().jsonPath();
        Map<String, String> statuses = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            statuses.put(list.getString("[" + i + "].rule"), list.getString("[" + i + "].status"));
        }
        assertEquals(Map.of("drift.features", "resolved", "retraining.drift", "resolved", "fairness.disparate-impact", "resolved",
                "fairness.statistical-parity", "resolved", "performance.accuracy-drop", "open", "retraining.accuracy", "resolved"),
                statuses);
        given().get("/api/v1/alerts?modelId=" + m + "&status=open&severity=critical").then().statusCode(200)
                .body("", hasSize(1)).body("[0].rule", equalTo("performance.accuracy-drop"))
                .body("[0].occurrences", equalTo(3)).body("[0].batchId", equalTo("b5"))
                .body("[0].reportUrl", equalTo("/api/v1/models/" + m + "/batches/b5/report"));
        String retraining = given().get("/api/v1/alerts?modelId=" + m + "&kind=retraining&rule=retraining.drift")
                .then().statusCode(200).body("", hasSize(1)).extract().path("[0].explanation");
        assertTrue(retraining.startsWith("Retraining recommended."), retraining);
        assertTrue(retraining.contains("Held in 3 consecutive batches: b1 0.4, b2 0.4, now 0.4"), retraining);
        String grouped = given().get("/api/v1/alerts?modelId=" + m + "&rule=drift.features").then()
                .body("[0].subjects", equalTo(List.of("income", "age"))).body("[0].subject", equalTo("income"))
                .extract().path("[0].explanation");
        assertTrue(grouped.contains("The distribution of income shifted"), grouped);

        String accuracyAlert = given().get("/api/v1/alerts?modelId=" + m + "&rule=performance.accuracy-drop").path("[0].alertId");
        given().get("/api/v1/alerts/" + accuracyAlert).then().statusCode(200)
                .body("audit.transition", equalTo(List.of("opened", "resolved", "reopened")))
                .body("audit.actor", equalTo(List.of("system", "system", "system")))
                .body("occurrences.batchId", equalTo(List.of("b1", "b2", "b5")));

        // Humans acknowledge and resolve; each change is published and audited with who and why.
        Map<TopicPartition, Long> beforeHuman = alerts.endOffsets();
        given().contentType("application/json").body("{\"by\":\"ana\",\"reason\":\"investigating\"}")
                .post("/api/v1/alerts/" + accuracyAlert + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("acknowledged")).body("acknowledgedBy", equalTo("ana"));
        given().contentType("application/json").header("X-User", "bo").body("{\"reason\":\"labels fixed\"}")
                .post("/api/v1/alerts/" + accuracyAlert + "/resolve").then().statusCode(200)
                .body("status", equalTo("resolved")).body("resolvedBy", equalTo("bo"));
        given().contentType("application/json").post("/api/v1/alerts/" + accuracyAlert + "/acknowledge").then()
                .statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
        assertEquals(Map.of("performance.accuracy-drop|", List.of("acknowledged/3/b5", "resolved/3/b5")),
                byAlert(readEvents(beforeHuman, m, 2)));
        given().get("/api/v1/alerts/" + accuracyAlert).then()
                .body("audit.actor", equalTo(List.of("system", "system", "system", "ana", "bo")))
                .body("audit.reason[3]", equalTo("investigating")).body("audit.toStatus[4]", equalTo("resolved"));

        // History: timeline, report with the results exactly as sent, revisions, time series.
        given().get("/api/v1/models/" + m + "/batches?limit=2").then().statusCode(200)
                .header("Link", org.hamcrest.Matchers.containsString("offset=2"))
                .body("batchId", equalTo(List.of("b6", "b5"))).body("[1].results.performance", equalTo(2))
                .body("[1].results.drift", equalTo(1));
        given().get("/api/v1/models/" + m + "/batches?offset=4&limit=10").then().body("batchId", equalTo(List.of("b2", "b1")))
                .body("n", equalTo(List.of(2, 1)));
        // A window keeps each batch's position among all of the model's batches.
        given().get("/api/v1/models/" + m + "/batches?to=" + hour(4)).then().body("batchId", equalTo(List.of("b3", "b2", "b1")))
                .body("n", equalTo(List.of(3, 2, 1)));
        given().get("/api/v1/models/" + m + "/batches?from=" + hour(6) + "&limit=1").then().body("n", equalTo(List.of(6)));
        JsonPath report = given().get("/api/v1/models/" + m + "/batches/b1/report").then().statusCode(200).extract().jsonPath();
        assertEquals(Json.MAPPER.readTree(sent.get("b1/fairness")).toString(), tree(report.getMap("fairness")).toString());
        assertEquals(4, report.getList("alerts").size(), "alerts that breached in b1");
        assertEquals(sent.get("b5/performance"), given().get("/api/v1/models/" + m + "/batches/b5/results/performance?revision=1")
                .then().statusCode(200).extract().asString());
        assertEquals(sent.get("b5/performance/2"), given().get("/api/v1/models/" + m + "/batches/b5/results/performance")
                .then().statusCode(200).extract().asString());
        given().get("/api/v1/models/" + m + "/metrics/driftShare").then().statusCode(200)
                .body("value", equalTo(List.of(0.4f, 0.4f, 0.4f, 0.0f, 0.0f, 0.0f)))
                .body("batchId", equalTo(List.of("b1", "b2", "b3", "b4", "b5", "b6")));
        given().get("/api/v1/models/" + m + "/metrics/accuracy?from=" + hour(2) + "&to=" + hour(6)).then().statusCode(200)
                .body("value", equalTo(List.of(0.79f, 0.86f, 0.87f, 0.78f)));
        given().get("/api/v1/models/" + m + "/metrics/selectionRate?feature=sex&group=female").then()
                .body("value", equalTo(List.of(0.3f, 0.35f, 0.5f, 0.5f)));
        given().get("/api/v1/models/" + m + "/metrics/drift.features.income.drifted").then()
                .body("value", equalTo(List.of(1.0f, 1.0f, 1.0f, 0.0f, 0.0f, 0.0f)));
        given().get("/api/v1/models/" + m + "/metrics/psi?feature=income&to=" + hour(3)).then()
                .body("value", equalTo(List.of(0.42f, 0.42f)));
        given().get("/api/v1/models/" + m + "/metrics/nonsense").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/models").then().statusCode(200);
        given().get("/api/v1/models/" + m).then().statusCode(200).body("latestBatchId", equalTo("b6"))
                .body("results", equalTo(16)).body("openAlerts.critical", equalTo(0));
    }

    private static JsonNode tree(Object o) {
        return Json.MAPPER.valueToTree(o);
    }

    static int count(Map<String, List<String>> expected) {
        return expected.values().stream().mapToInt(List::size).sum();
    }

    static List<AlertEvent> readEvents(Map<TopicPartition, Long> from, String model, int expected) {
        return readEvents(alerts, from, model, expected);
    }

    static List<AlertEvent> readEvents(TopicProbe probe, Map<TopicPartition, Long> from, String model, int expected) {
        List<ConsumerRecord<String, String>> records = probe.read(from, model, r -> r.size() >= expected, WAIT);
        List<AlertEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            events.add(Json.fromString(r.value(), AlertEvent.class));
        }
        return events;
    }

    /** Per "rule|subject", the events in order as "status/occurrences/batchId"; also checks every event's envelope. */
    static Map<String, List<String>> byAlert(List<AlertEvent> events) {
        for (AlertEvent e : events) {
            assertEquals(1, e.schemaVersion());
            assertTrue(e.eventId() != null && e.alertId() != null && e.occurredAt() != null && e.kind() != null
                    && e.severity() != null && e.threshold() != null && e.reportUrl().endsWith("/batches/" + e.batchId() + "/report"),
                    e.toString());
        }
        assertEquals(events.size(), events.stream().map(AlertEvent::eventId).distinct().count(), "no event twice");
        return events.stream().collect(Collectors.groupingBy(e -> e.rule() + "|" + (e.subject() == null ? "" : e.subject()),
                LinkedHashMap::new, Collectors.mapping(e -> e.status() + "/" + e.occurrences() + "/" + e.batchId(),
                        Collectors.toList())));
    }
}
