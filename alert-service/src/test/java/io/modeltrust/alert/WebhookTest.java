package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.notify.WebhookSigner;
import io.modeltrust.model.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Webhook channels get signed, Slack-compatible deliveries; a failing one is retried with backoff and
 * its status recorded, one that never answers well is given up on, and neither holds up the
 * pipeline. A metric that flaps within the cooldown reopens its alert without paging again.
 */
@QuarkusTest
class WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

    @Inject
    DataSource dataSource;

    @Test
    void signedDeliveriesRetriesAndCooldown() throws Exception {
        String m = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver good = new WebhookReceiver(0, 200);
             WebhookReceiver flaky = new WebhookReceiver(2, 500);
             WebhookReceiver dead = new WebhookReceiver(Integer.MAX_VALUE, 503);
             ResultSender sender = new ResultSender()) {
            // good's URL carries credentials: sent as Basic authorization and the query, never shown by the API.
            String goodUrl = good.url().replace("http://", "http://hookuser:pa55@") + "?token=t0k3n&team=ops";
            given().contentType("application/json").body("""
                    [{"id": "good", "url": "%s", "secret": "s3cret-good", "minSeverity": "info"},
                     {"id": "flaky", "url": "%s", "secret": "s3cret-flaky", "minSeverity": "critical"},
                     {"id": "dead", "url": "%s", "secret": "s3cret-dead", "minSeverity": "warning"},
                     {"id": "off", "url": "http://127.0.0.1:9/never", "secret": "x", "enabled": false}]
                    """.formatted(goodUrl, flaky.url(), dead.url()))
                    .put("/api/v1/notification-channels").then().statusCode(200).body("secret[0]", equalTo("***"))
                    .body("url[0]", equalTo(good.url().replace("http://", "http://***@") + "?token=***&team=ops"));

            sender.send(Results.fairness(m, "b1", T0, 0.3, 0.001)); // disparate impact (critical) + parity (warning)
            Await.until("two alerts", WAIT, () -> alertCount(m) == 2);
            String critical = given().get("/api/v1/alerts?modelId=" + m + "&severity=critical").path("[0].alertId");
            String warning = given().get("/api/v1/alerts?modelId=" + m + "&severity=warning").path("[0].alertId");

            Await.until("both deliveries to good", WAIT, () -> mine(good, m).size() == 2);
            for (WebhookReceiver.Request r : mine(good, m)) {
                assertEquals(WebhookSigner.sign("s3cret-good", r.body().getBytes(StandardCharsets.UTF_8)), r.signature());
                JsonNode body = Json.MAPPER.readTree(r.body());
                assertTrue(body.path("text").asText().contains(m), body.toString());
                assertEquals(r.eventId(), body.path("alert").path("eventId").asText());
                assertEquals("open", body.path("alert").path("status").asText());
                // Links are absolute, under alert.public-url (its default here).
                String alertId = body.path("alert").path("alertId").asText();
                assertEquals("http://localhost:8085/#/alerts/" + alertId, body.path("dashboardUrl").asText());
                assertTrue(body.path("alert").path("reportUrl").asText().startsWith("http://localhost:8085/api/v1/models/" + m
                        + "/batches/b1/report"), body.toString());
                assertTrue(body.path("text").asText().endsWith(" Report: " + body.path("alert").path("reportUrl").asText()
                        + " Alert: http://localhost:8085/#/alerts/" + alertId), body.path("text").asText());
                assertEquals("Basic " + Base64.getEncoder().encodeToString("hookuser:pa55".getBytes(StandardCharsets.UTF_8)),
                        r.authorization());
                assertEquals("token=t0k3n&team=ops", r.query());
            }
            Await.until("flaky delivered on its third attempt", WAIT,
                    () -> "delivered".equals(delivery("flaky", critical).path("status").asText()));
            assertEquals(3, delivery("flaky", critical).path("attempts").asInt());
            List<WebhookReceiver.Request> flakyRequests = mine(flaky, m);
            assertEquals(List.of(500, 500, 200), flakyRequests.stream().map(WebhookReceiver.Request::answered).toList());
            assertEquals(List.of("1", "2", "3"), flakyRequests.stream().map(WebhookReceiver.Request::attempt).toList());
            assertEquals(1, flakyRequests.stream().map(WebhookReceiver.Request::eventId).distinct().count(), "the same event");
            assertTrue(flakyRequests.stream().allMatch(r -> WebhookSigner.sign("s3cret-flaky",
                    r.body().getBytes(StandardCharsets.UTF_8)).equals(r.signature())));

            // The dead channel fails for good; meanwhile the pipeline goes on.
            sender.send(Results.fairness(m, "b2", T0.plusSeconds(3600), 0.32, 0.001));
            Await.until("the update of b2", WAIT, () -> given().get("/api/v1/alerts/" + critical).jsonPath()
                    .getInt("alert.occurrences") == 2);
            Await.until("dead channel given up", WAIT, () -> "failed".equals(delivery("dead", critical).path("status").asText()));
            JsonNode failed = delivery("dead", critical);
            assertEquals(3, failed.path("attempts").asInt());
            assertEquals(503, failed.path("lastStatusCode").asInt());

            // Flapping: two clear batches resolve (paged), a breach within the cooldown reopens (not paged).
            sender.send(Results.fairness(m, "b3", T0.plusSeconds(2 * 3600), 0.5, 0.001));
            sender.send(Results.fairness(m, "b4", T0.plusSeconds(3 * 3600), 0.5, 0.001));
            sender.send(Results.fairness(m, "b5", T0.plusSeconds(4 * 3600), 0.3, 0.001));
            Await.until("the reopen at b5", WAIT, () -> given().get("/api/v1/alerts/" + critical).jsonPath()
                    .getList("audit.transition").size() == 3);
            given().get("/api/v1/alerts/" + critical).then().body("alert.status", equalTo("open"))
                    .body("audit.transition", equalTo(List.of("opened", "resolved", "reopened")));
            Await.until("resolutions delivered to good", WAIT, () -> mine(good, m).size() == 4);
            List<String> statuses = mine(good, m).stream()
                    .map(r -> Json.fromString(r.body(), JsonNode.class).path("alert").path("status").asText()).toList();
            assertEquals(List.of("open", "open", "resolved", "resolved"), statuses);
            for (String alert : List.of(critical, warning)) {
                given().get("/api/v1/notification-channels/deliveries?channelId=good&alertId=" + alert).then()
                        .body("status", equalTo(List.of("delivered", "delivered")));
            }
            given().get("/api/v1/notification-channels/deliveries?channelId=off").then().body("size()", equalTo(0));
            String everything = given().get("/api/v1/notification-channels/deliveries?limit=1000").then().statusCode(200)
                    .extract().asString() + given().get("/api/v1/notification-channels").then().extract().asString();
            for (String secret : List.of("pa55", "t0k3n", "s3cret")) {
                assertFalse(everything.contains(secret), secret + " shown by the API");
            }
        } finally {
            given().contentType("application/json").body("[]").put("/api/v1/notification-channels").then().statusCode(200);
        }
    }

    @Test
    void channelValidationAndSecretRoundTrip() throws Exception {
        given().contentType("application/json").body("""
                [{"id": "a", "url": "ftp://x", "secret": ""}, {"id": "a", "url": "http://h/x", "secret": "k", "minSeverity": "loud"}]
                """).put("/api/v1/notification-channels").then().statusCode(400).contentType("application/problem+json")
                .body("errors.column", equalTo(List.of("url", "secret", "id", "minSeverity")));
        String url = "http://u:pa55@127.0.0.1:9/x?sig=s1g&api_key=k3y&team=ops";
        given().contentType("application/json").body("[{\"id\": \"k\", \"url\": \"" + url + "\", \"secret\": \"one\"}]")
                .put("/api/v1/notification-channels").then().statusCode(200)
                .body("[0].url", equalTo("http://***@127.0.0.1:9/x?sig=***&api_key=***&team=ops"));
        // A GET's masked list can be PUT back: the stored secret and URL credentials are kept.
        String listed = given().get("/api/v1/notification-channels").then().statusCode(200).extract().asString();
        given().contentType("application/json").body(listed).put("/api/v1/notification-channels").then().statusCode(200)
                .body("[0].minSeverity", equalTo("info")).body("[0].enabled", equalTo(true));
        assertEquals(List.of(url, "one"), stored("k"));
        // The mask of the old GET (eight stars) still keeps the stored secret.
        given().contentType("application/json").body(listed.replace("\"***\"", "\"********\""))
                .put("/api/v1/notification-channels").then().statusCode(200);
        assertEquals(List.of(url, "one"), stored("k"));
        // A mask where nothing is stored keeps nothing: 400.
        given().contentType("application/json").body("[{\"id\": \"new\", \"url\": \"http://***@127.0.0.1:9/x\", \"secret\": \"s\"}]")
                .put("/api/v1/notification-channels").then().statusCode(400).body("errors.column", equalTo(List.of("url")));
        given().contentType("application/json").body("[]").put("/api/v1/notification-channels").then().statusCode(200);
    }

    @Test
    void internalTargetsAreRefusedAtRegistration() {
        List<String> refused = List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hook",
                "http://192.168.1.1/", "http://[::1]:9000/", "http://[fe80::1]/", "http://[fd00::1]/",
                "http://[::ffff:169.254.169.254]/", "http://0.0.0.0:9000/", "http://[::]:9000/", "http://224.0.0.1/",
                // allowed (127.0.0.1), but this service itself and ingest-service's port as configured
                "http://127.0.0.1:" + RestAssured.port + "/api/v1/alerts", "http://127.0.0.1:8081/api/v1/models");
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < refused.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\": \"c").append(i).append("\", \"url\": \"")
                    .append(refused.get(i)).append("\", \"secret\": \"s\"}");
        }
        String answer = given().contentType("application/json").body(body.append(']').toString())
                .put("/api/v1/notification-channels").then().statusCode(400).contentType("application/problem+json")
                .extract().asString();
        JsonNode errors = Json.fromString(answer, JsonNode.class).path("errors");
        assertEquals(refused.size(), errors.size(), answer);
        for (int i = 0; i < refused.size(); i++) {
            assertEquals(i + 1, errors.get(i).path("row").asInt(), answer);
            assertEquals("url", errors.get(i).path("column").asText(), answer);
        }
        assertTrue(errors.get(0).path("message").asText().contains("link-local"), answer);
        assertTrue(errors.get(refused.size() - 2).path("message").asText().contains("platform's own services"), answer);
        given().get("/api/v1/notification-channels").then().body("size()", equalTo(0));
    }

    @Test
    void aStoredTargetIsCheckedAgainWhenSent() throws Exception {
        String m = "hook-ssrf-" + UUID.randomUUID().toString().substring(0, 8);
        // As a channel saved before the check existed, or a name that resolved elsewhere when it was saved.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO notification_channels (id, position, url, secret, min_severity, enabled, updated_at) "
                        + "VALUES ('metadata', 0, 'http://169.254.169.254/latest/meta-data/', 'x', 'info', true, now())")) {
            ps.executeUpdate();
        }
        try (ResultSender sender = new ResultSender()) {
            sender.send(Results.fairness(m, "b1", T0, 0.3, 0.001));
            Await.until("two alerts", WAIT, () -> alertCount(m) == 2);
            String alert = given().get("/api/v1/alerts?modelId=" + m + "&severity=critical").path("[0].alertId");
            Await.until("the delivery refused", WAIT,
                    () -> "failed".equals(delivery("metadata", alert).path("status").asText()));
            JsonNode refused = delivery("metadata", alert);
            assertEquals(1, refused.path("attempts").asInt(), "a refused target is not retried");
            assertTrue(refused.path("lastError").asText().contains("link-local"), refused.toString());
        } finally {
            given().contentType("application/json").body("[]").put("/api/v1/notification-channels").then().statusCode(200);
        }
    }

    /**
     * A tarpit channel holds its answers; deliveries of a later alert to another channel arrive while the
     * tarpit's attempts are still unanswered (their attempt not yet recorded), not after them.
     */
    @Test
    void aSlowWebhookHoldsUpOnlyItsOwnDeliveries() throws Exception {
        String first = "hook-slow-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "hook-slow-" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch hold = new CountDownLatch(1);
        try (WebhookReceiver tarpit = new WebhookReceiver(hold);
             WebhookReceiver fast = new WebhookReceiver(0, 200);
             ResultSender sender = new ResultSender()) {
            given().contentType("application/json").body("""
                    [{"id": "tarpit", "url": "%s", "secret": "s1"}, {"id": "fast", "url": "%s", "secret": "s2"}]
                    """.formatted(tarpit.url(), fast.url())).put("/api/v1/notification-channels").then().statusCode(200);
            sender.send(Results.fairness(first, "b1", T0, 0.3, 0.001));
            Await.until("the first alerts' deliveries held by the tarpit", WAIT, () -> tarpit.arrived() == 2);
            String held = given().get("/api/v1/alerts?modelId=" + first + "&severity=critical").path("[0].alertId");

            sender.send(Results.fairness(second, "b1", T0, 0.3, 0.001));
            Await.until("the second alerts' deliveries to the fast channel", WAIT, () -> mine(fast, second).size() == 2);
            JsonNode stillHeld = delivery("tarpit", held);
            assertEquals("pending", stillHeld.path("status").asText(), stillHeld.toString());
            assertEquals(0, stillHeld.path("attempts").asInt(), "the tarpit's attempt has not ended: " + stillHeld);
            assertTrue(tarpit.requests().isEmpty(), "the tarpit has answered nothing yet");

            hold.countDown();
            Await.until("the tarpit's deliveries answered", WAIT,
                    () -> "delivered".equals(delivery("tarpit", held).path("status").asText()));
        } finally {
            hold.countDown();
            given().contentType("application/json").body("[]").put("/api/v1/notification-channels").then().statusCode(200);
        }
    }

    private List<String> stored(String channel) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT url, secret FROM notification_channels WHERE id = ?")) {
            ps.setString(1, channel);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? List.of(rs.getString(1), rs.getString(2)) : List.of();
            }
        }
    }

    private static int alertCount(String m) {
        return given().get("/api/v1/alerts?modelId=" + m).jsonPath().getList("").size();
    }

    private static List<WebhookReceiver.Request> mine(WebhookReceiver receiver, String model) {
        return receiver.requests().stream().filter(r -> r.body().contains("\"modelId\":\"" + model + "\"")).toList();
    }

    private static JsonNode delivery(String channel, String alertId) {
        String body = given().get("/api/v1/notification-channels/deliveries?channelId=" + channel + "&alertId=" + alertId)
                .then().statusCode(200).extract().asString();
        JsonNode list = Json.fromString(body, JsonNode.class);
        return list.size() == 0 ? Json.MAPPER.createObjectNode() : list.get(list.size() - 1);
    }
}
