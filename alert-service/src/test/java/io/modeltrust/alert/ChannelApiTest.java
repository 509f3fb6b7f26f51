package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.notify.DigestJob;
import io.modeltrust.alert.notify.WebhookSigner;
import io.modeltrust.model.Json;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Channels one at a time: create, read, replace and delete a webhook or email channel, 400 naming the
 * field of a bad one; a channel hears only of the models, severities and kinds of its filter; a rule and
 * batch notify a channel once; email reaches a real SMTP server; held notifications go out as one digest.
 */
@QuarkusTest
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
class ChannelApiTest {

    private static final String CHANNELS = "/api/v1/notification-channels";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

    @Inject
    DataSource dataSource;

    @Inject
    DigestJob digests;

    @AfterEach
    void noChannelsLeft() {
        given().contentType("application/json").body("[]").put(CHANNELS).then().statusCode(200);
    }

    @Test
    void oneChannelIsCreatedReadReplacedAndDeleted() throws Exception {
        String id = given().contentType("application/json").body("""
                {"type": "webhook", "url": "http://u:pa55@127.0.0.1:9/x?token=t0k", "secret": "s3cret",
                 "filter": {"modelIds": ["crud-a"], "minSeverity": "warning", "kinds": ["drift"]}}""")
                .post(CHANNELS).then().statusCode(201)
                .body("type", equalTo("webhook")).body("secret", equalTo("***"))
                .body("url", equalTo("http://***@127.0.0.1:9/x?token=***"))
                .body("filter.modelIds", equalTo(List.of("crud-a"))).body("filter.minSeverity", equalTo("warning"))
                .body("filter.kinds", equalTo(List.of("drift"))).body("enabled", equalTo(true))
                .extract().path("channelId");
        given().get(CHANNELS + "/" + id).then().statusCode(200).body("channelId", equalTo(id))
                .body("url", equalTo("http://***@127.0.0.1:9/x?token=***")).body("secret", equalTo("***"))
                .body("filter.kinds", equalTo(List.of("drift")));

        // Masks keep the stored secret and URL credentials; the filter and the rest are replaced.
        given().contentType("application/json").body("""
                {"type": "webhook", "url": "http://***@127.0.0.1:9/y?token=***", "secret": "***",
                 "filter": {"minSeverity": "critical"}, "enabled": false}""")
                .put(CHANNELS + "/" + id).then().statusCode(200).body("channelId", equalTo(id))
                .body("filter.modelIds", equalTo(List.of())).body("filter.minSeverity", equalTo("critical"))
                .body("filter.kinds", equalTo(List.of())).body("enabled", equalTo(false));
        assertEquals(List.of("http://u:pa55@127.0.0.1:9/y?token=t0k", "s3cret"), stored(id));

        io.restassured.response.Response created = given().contentType("application/json")
                .body("{\"type\": \"email\", \"to\": \"ops@example.com\"}").post(CHANNELS);
        created.then().statusCode(201).body("to", equalTo(List.of("ops@example.com"))).body("secret", nullValue())
                .body("url", nullValue());
        String mail = created.path("channelId");
        assertTrue(created.header("Location").endsWith(CHANNELS + "/" + mail), created.header("Location"));

        // The bulk list is the same table, in the order the channels were added, in its own shape.
        String listed = given().get(CHANNELS).then().statusCode(200)
                .body("id", equalTo(List.of(id, mail))).body("type", equalTo(List.of("webhook", "email")))
                .body("minSeverity", equalTo(List.of("critical", "info"))).body("[1].to", equalTo(List.of("ops@example.com")))
                .extract().asString();
        given().contentType("application/json").body(listed).put(CHANNELS).then().statusCode(200)
                .body("id", equalTo(List.of(id, mail)));
        assertEquals(List.of("http://u:pa55@127.0.0.1:9/y?token=t0k", "s3cret"), stored(id));

        given().contentType("application/json").body("{\"type\": \"email\", \"to\": \"a@example.com\"}")
                .put(CHANNELS + "/no-such-channel").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().get(CHANNELS + "/no-such-channel").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().delete(CHANNELS + "/" + id).then().statusCode(204);
        given().delete(CHANNELS + "/" + id).then().statusCode(204);
        given().get(CHANNELS + "/" + id).then().statusCode(404);
        given().get(CHANNELS).then().body("id", equalTo(List.of(mail)));
    }

    @Test
    void aBadChannelIs400NamingTheField() {
        bad("{\"type\": \"sms\", \"url\": \"http://127.0.0.1:9/x\", \"secret\": \"s\"}", "type");
        bad("{\"type\": \"webhook\", \"secret\": \"s\"}", "url");
        bad("{\"type\": \"email\"}", "to");
        bad("{\"type\": \"email\", \"to\": [\"ops@example.com\", \"nobody\"]}", "to");
        bad("{\"type\": \"webhook\", \"url\": \"http://127.0.0.1:9/x\", \"secret\": \"s\", \"filter\": {\"minSeverity\": \"loud\"}}",
                "filter.minSeverity");
        bad("{\"type\": \"email\", \"to\": \"a@example.com\", \"filter\": {\"kinds\": [\"drift\", \"weather\"]}}", "filter.kinds");
        bad("{\"type\": \"email\", \"to\": \"a@example.com\", \"channelId\": \"mine\"}", "channelId");
        bad("{\"type\": \"webhook\", \"url\": \"http://169.254.169.254/latest\", \"secret\": \"s\"}", "url");
        given().contentType("application/json").body("{\"type\": ").post(CHANNELS).then().statusCode(400)
                .body("title", equalTo("Malformed JSON"));
        given().get(CHANNELS).then().body("size()", equalTo(0));

        String id = given().contentType("application/json").body("{\"type\": \"email\", \"to\": \"a@example.com\"}")
                .post(CHANNELS).then().statusCode(201).extract().path("channelId");
        given().contentType("application/json").body("{\"type\": \"email\", \"to\": []}").put(CHANNELS + "/" + id).then()
                .statusCode(400).body("errors.column", equalTo(List.of("to")));
        given().get(CHANNELS + "/" + id).then().body("to", equalTo(List.of("a@example.com")));
    }

    private static void bad(String body, String field) {
        given().contentType("application/json").body(body).post(CHANNELS).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("title", equalTo("Invalid notification channel"))
                .body("errors.column", equalTo(List.of(field)));
    }

    @Test
    void aChannelForOneModelHearsOfItsAlertsOnly() throws Exception {
        String a = "filter-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "filter-b-" + UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver hook = new WebhookReceiver(0, 200); ResultSender sender = new ResultSender()) {
            String id = webhook(hook, a);
            sender.send(Results.fairness(b, "b1", T0, 0.3, 0.001));
            sender.send(Results.fairness(a, "b1", T0, 0.3, 0.001));
            Await.until("two alerts of each model", WAIT, () -> alertCount(a) == 2 && alertCount(b) == 2);
            Await.until("both of A's alerts delivered", WAIT, () -> mine(hook, a).size() == 2);
            // B's alerts committed with the deliveries they owed: none to this channel, so none was or will be sent.
            List<String> models = given().get(CHANNELS + "/deliveries?channelId=" + id).then().statusCode(200)
                    .extract().jsonPath().getList("modelId");
            assertEquals(List.of(a, a), models);
            assertEquals(List.of(), mine(hook, b));
        }
    }

    @Test
    void aRuleAndBatchNotifyAChannelOnce() throws Exception {
        String m = "budget-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body("""
                [{"id": "drift.features", "path": "drift.features.*.drifted", "comparator": "eq", "threshold": 1,
                  "severity": "warning", "group": "subject"}]""").put("/api/v1/models/" + m + "/alert-rules")
                .then().statusCode(200);
        try (WebhookReceiver hook = new WebhookReceiver(0, 200); ResultSender sender = new ResultSender()) {
            String id = webhook(hook, m);
            sender.send(Results.drift(m, "b1", T0, List.of("income", "age")));
            Await.until("one alert per drifted feature", WAIT, () -> alertCount(m) == 2);
            Await.until("the first delivered", WAIT, () -> statuses(id).contains("delivered"));
            assertEquals(Set.of("delivered", "suppressed"), statuses(id));
            assertEquals(1, mine(hook, m).size());
            String note = given().get(CHANNELS + "/deliveries?channelId=" + id + "&status=suppressed").then()
                    .extract().path("[0].note");
            assertTrue(note.contains("drift.features") && note.contains("batch b1"), note);
        }
    }

    @Test
    void anEmailChannelSendsThroughSmtp() throws Exception {
        String m = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().contentType("application/json").body("""
                {"type": "email", "to": ["ops@example.com", "ml-team@example.com"],
                 "filter": {"modelIds": ["%s"], "minSeverity": "critical"}}""".formatted(m))
                .post(CHANNELS).then().statusCode(201).extract().path("channelId");
        try (ResultSender sender = new ResultSender()) {
            sender.send(Results.fairness(m, "b1", T0, 0.3, 0.001)); // disparate impact (critical) + parity (warning)
            Await.until("two alerts", WAIT, () -> alertCount(m) == 2);
            String alert = given().get("/api/v1/alerts?modelId=" + m + "&severity=critical").path("[0].alertId");
            Await.until("the mail received by both", WAIT,
                    () -> mail("ops@example.com", m).size() == 1 && mail("ml-team@example.com", m).size() == 1);
            for (SmtpServer.Received r : List.of(mail("ops@example.com", m).get(0), mail("ml-team@example.com", m).get(0))) {
                assertEquals("[CRITICAL] " + m + ": fairness.disparate-impact opened", r.subject());
                assertEquals(List.of("ops@example.com", "ml-team@example.com"), r.to());
                assertTrue(r.from().contains("modeltrust-alerts@localhost"), r.from());
                assertTrue(r.text().startsWith("[CRITICAL] " + m + ": fairness.disparate-impact"), r.text());
                assertTrue(r.text().contains("\nReport: http://localhost:8085/api/v1/models/" + m + "/batches/b1/report"), r.text());
                assertTrue(r.text().contains("\nAlert: http://localhost:8085/#/alerts/" + alert), r.text());
            }
            JsonNode delivery = Json.fromString(given().get(CHANNELS + "/deliveries?channelId=" + id).then().statusCode(200)
                    .extract().asString(), JsonNode.class);
            assertEquals(1, delivery.size(), "the warning is below the channel's minSeverity: " + delivery);
            assertEquals("email", delivery.get(0).path("medium").asText());
            assertEquals("delivered", delivery.get(0).path("status").asText());
            assertEquals(alert, delivery.get(0).path("alertId").asText());
        }
    }

    @Test
    void heldNotificationsGoOutAsOneDigest() throws Exception {
        String m = "digest-" + UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver hook = new WebhookReceiver(0, 200)) {
            String id = webhook(hook, m);
            Instant hour = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO webhook_deliveries (channel_id, event_id, alert_id, body, status, attempts, next_attempt_at,
                      created_at, updated_at, medium, kind, model_id, rule_id, batch_id, budget_key, window_start)
                    VALUES (?, ?, ?::uuid, ?, 'held', 0, now(), now(), now(), 'webhook', 'alert', ?, ?, 'b1', ?, ?)""")) {
                for (int i = 1; i <= 3; i++) {
                    ps.setString(1, id);
                    ps.setString(2, UUID.randomUUID().toString());
                    ps.setString(3, UUID.randomUUID().toString());
                    ps.setString(4, "{\"text\": \"[WARNING] " + m + ": rule" + i + " opened.\", \"alert\": {\"modelId\": \""
                            + m + "\", \"rule\": \"rule" + i + "\"}}");
                    ps.setString(5, m);
                    ps.setString(6, "rule" + i);
                    ps.setString(7, UUID.randomUUID().toString());
                    ps.setTimestamp(8, java.sql.Timestamp.from(hour));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            digests.runOnce(Instant.now()); // or the scheduled round was first: either way one digest
            Await.until("the digest delivered", WAIT, () -> mine(hook, m).size() == 1);
            WebhookReceiver.Request r = mine(hook, m).get(0);
            assertEquals(WebhookSigner.sign("s3cret", r.body().getBytes(StandardCharsets.UTF_8)), r.signature());
            JsonNode body = Json.fromString(r.body(), JsonNode.class);
            assertTrue(body.path("text").asText().startsWith("[DIGEST] 3 notifications for model " + m), body.toString());
            assertEquals(3, body.path("digest").path("count").asInt());
            assertEquals(List.of("rule1", "rule2", "rule3"), rules(body.path("digest").path("alerts")));
            assertEquals("http://localhost:8085/#/models/" + m, body.path("dashboardUrl").asText());
            assertEquals(List.of(), digests.runOnce(Instant.now()).stream().filter(d -> d.modelId().equals(m)).toList());
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FILTER (WHERE kind = 'digest'), count(*) FILTER (WHERE status = 'digested'),
                           count(DISTINCT digest_id) FROM webhook_deliveries WHERE model_id = ?""")) {
                ps.setString(1, m);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(List.of(1, 3, 1), List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)));
                }
            }
            given().get(CHANNELS + "/deliveries?channelId=" + id + "&status=digested").then().body("size()", equalTo(3));
        }
    }

    private static String webhook(WebhookReceiver hook, String model) {
        return given().contentType("application/json").body("""
                {"type": "webhook", "url": "%s", "secret": "s3cret", "filter": {"modelIds": ["%s"]}}"""
                .formatted(hook.url(), model)).post(CHANNELS).then().statusCode(201).extract().path("channelId");
    }

    private List<String> stored(String channel) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT url, secret FROM notification_channels WHERE id = ?")) {
            ps.setString(1, channel);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? List.of(rs.getString(1), rs.getString(2)) : List.of();
            }
        }
    }

    private static Set<String> statuses(String channel) {
        return given().get(CHANNELS + "/deliveries?channelId=" + channel).then().statusCode(200).extract().jsonPath()
                .<String>getList("status").stream().collect(Collectors.toSet());
    }

    private static List<SmtpServer.Received> mail(String address, String model) {
        return SmtpServer.mailbox(address).stream().filter(r -> r.subject().contains(model)).toList();
    }

    private static List<String> rules(JsonNode alerts) {
        return java.util.stream.StreamSupport.stream(alerts.spliterator(), false).map(a -> a.path("rule").asText()).toList();
    }

    private static int alertCount(String m) {
        return given().get("/api/v1/alerts?modelId=" + m).jsonPath().getList("").size();
    }

    private static List<WebhookReceiver.Request> mine(WebhookReceiver receiver, String model) {
        return receiver.requests().stream().filter(r -> r.body().contains("\"modelId\":\"" + model + "\"")).toList();
    }
}
