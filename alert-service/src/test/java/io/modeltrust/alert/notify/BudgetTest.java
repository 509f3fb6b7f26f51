package io.modeltrust.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notification budget on the real tables (plain JDBC, a schema of the test's own): one notification
 * per (channel, model, rule, batch, status); beyond the hourly limit per channel and model the rest are
 * held; each hour's held ones go out in one digest, made once however many replicas try at once.
 */
class BudgetTest {

    private static final Instant T = Instant.parse("2026-12-01T10:17:00Z");
    private static final DigestText TEXT = new DigestText(m -> "https://m.example.com/#/models/" + m);
    private static TestSchema schema;

    @BeforeAll
    static void migrate() {
        schema = new TestSchema("budget_test");
    }

    @AfterAll
    static void drop() throws SQLException {
        schema.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = schema.connect(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE webhook_deliveries");
        }
    }

    private static NotificationBudget.Candidate alert(String channel, String model, String rule, String batch, String status,
                                                      int n) {
        String event = "{\"modelId\":\"" + model + "\",\"rule\":\"" + rule + "\",\"n\":" + n + "}";
        return new NotificationBudget.Candidate(channel, ChannelType.WEBHOOK, model, rule, batch, status,
                "00000000-0000-0000-0000-" + String.format("%012d", n), "e" + n,
                "{\"text\":\"[WARNING] " + model + ": " + rule + " #" + n + "\",\"alert\":" + event + "}");
    }

    private static NotificationBudget.Outcome record(int limit, Instant now, NotificationBudget.Candidate... candidates)
            throws SQLException {
        try (Connection c = schema.connect()) {
            c.setAutoCommit(false);
            NotificationBudget.Outcome o = new NotificationBudget(limit).record(c, List.of(candidates), now);
            c.commit();
            return o;
        }
    }

    @Test
    void aRuleAndBatchGoToAChannelOnce() throws Exception {
        assertEquals(new NotificationBudget.Outcome(1, 1, 0), record(20, T,
                alert("ops", "a", "fairness.di", "b1", "open", 1), alert("ops", "a", "fairness.di", "b1", "open", 2)));
        // Again in a later transaction, and on another channel, in another batch, of another status or model.
        assertEquals(new NotificationBudget.Outcome(4, 1, 0), record(20, T.plusSeconds(60),
                alert("ops", "a", "fairness.di", "b1", "open", 3), alert("team", "a", "fairness.di", "b1", "open", 4),
                alert("ops", "a", "fairness.di", "b2", "open", 5), alert("ops", "a", "fairness.di", "b1", "resolved", 6),
                alert("ops", "z", "fairness.di", "b1", "open", 7)));
        assertEquals(List.of("pending", "suppressed", "suppressed", "pending", "pending", "pending", "pending"),
                column("status"));
        String note = column("note").get(1);
        assertTrue(note.contains("fairness.di") && note.contains("b1"), note);
    }

    @Test
    void beyondTheHourlyLimitNotificationsAreHeldAndDigestedOnce() throws Exception {
        List<NotificationBudget.Candidate> first = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            first.add(alert("ops", "a", "rule" + i, "b1", "open", i));
        }
        assertEquals(new NotificationBudget.Outcome(3, 0, 2), record(3, T, first.toArray(NotificationBudget.Candidate[]::new)));
        // The same hour: still full; another model and another channel have their own room.
        assertEquals(new NotificationBudget.Outcome(2, 0, 1), record(3, T.plusSeconds(600),
                alert("ops", "a", "rule6", "b1", "open", 6), alert("ops", "b", "rule6", "b1", "open", 7),
                alert("team", "a", "rule6", "b1", "open", 8)));
        // The next hour has room again.
        assertEquals(new NotificationBudget.Outcome(1, 0, 0), record(3, T.plus(Duration.ofHours(1)),
                alert("ops", "a", "rule7", "b1", "open", 9)));
        assertEquals(List.of("pending", "pending", "pending", "held", "held", "held", "pending", "pending", "pending"),
                column("status"));

        // Before the hour ended (and its grace): nothing yet.
        assertEquals(List.of(), digest(T.plus(Duration.ofMinutes(43)), Duration.ofMinutes(1)));
        // Two replicas at once: one digest listing the three held, made by one of them.
        Instant later = T.plus(Duration.ofMinutes(45));
        List<Digests.Made> made = concurrently(() -> digest(later, Duration.ofMinutes(1)));
        assertEquals(1, made.size(), made.toString());
        assertEquals(3, made.get(0).items());
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), made.get(0).windowStart());
        assertEquals(List.of(), digest(later.plusSeconds(3600), Duration.ofMinutes(1)), "each held row is listed once");

        assertEquals(List.of("digested", "digested", "digested"), statusesOf("held", "digested"));
        try (Connection c = schema.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT kind, status, body, alert_id, model_id FROM webhook_deliveries WHERE id = ?")) {
            ps.setLong(1, made.get(0).deliveryId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("digest", rs.getString(1));
                assertEquals("pending", rs.getString(2), "queued like any delivery");
                assertEquals(null, rs.getString(4));
                assertEquals("a", rs.getString(5));
                JsonNode body = Json.fromString(rs.getString(3), JsonNode.class);
                assertEquals(3, body.path("digest").path("count").asInt());
                assertEquals(List.of(4, 5, 6), ints(body.path("digest").path("alerts"), "n"));
                String text = body.path("text").asText();
                assertTrue(text.startsWith("[DIGEST] 3 notifications for model a (2026-12-01 10:00–11:00 UTC)"), text);
                assertTrue(text.contains("\n• [WARNING] a: rule4 #4") && text.endsWith("Model: https://m.example.com/#/models/a"), text);
            }
        }
        try (Connection c = schema.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM webhook_deliveries WHERE digest_id = ?")) {
            ps.setLong(1, made.get(0).deliveryId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(3, rs.getInt(1));
            }
        }
    }

    @Test
    void aDigestByEmailIsASubjectAndPlainText() {
        String body = TEXT.body(ChannelType.EMAIL, "credit", Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T11:00:00Z"), List.of(
                        "{\"subject\":\"s\",\"text\":\"[CRITICAL] credit: r1 opened. x.\\n\\nReport: https://r/1\\nAlert: https://a/1\\n\"}",
                        "{\"subject\":\"s\",\"text\":\"[WARNING] credit: r2 opened.\\n\\nReport: https://r/2\\nAlert: https://a/2\\n\"}"));
        JsonNode mail = Json.fromString(body, JsonNode.class);
        assertEquals("[DIGEST] credit: 2 held back, 2026-12-01 10:00–11:00 UTC", mail.path("subject").asText());
        assertEquals("""
                2 notifications for model credit (2026-12-01 10:00–11:00 UTC) went over this channel's hourly limit \
                for the model and were held back. They are:

                - [CRITICAL] credit: r1 opened. x.
                  Report: https://r/1
                  Alert: https://a/1

                - [WARNING] credit: r2 opened.
                  Report: https://r/2
                  Alert: https://a/2

                Model: https://m.example.com/#/models/credit
                """, mail.path("text").asText());
    }

    private static List<Digests.Made> digest(Instant now, Duration grace) throws SQLException {
        try (Connection c = schema.connect()) {
            c.setAutoCommit(false);
            List<Digests.Made> made = Digests.run(c, now, grace, 100, TEXT);
            c.commit();
            return made;
        }
    }

    /** Two threads start the same work at once; what both made. */
    private static <T> List<T> concurrently(Callable<List<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<List<T>> f : futures) {
                out.addAll(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> ints(JsonNode array, String field) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asInt()));
        return out;
    }

    private static List<String> statusesOf(String... statuses) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = schema.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT status FROM webhook_deliveries WHERE kind = 'alert' AND status = ANY(?) ORDER BY id")) {
            ps.setArray(1, c.createArrayOf("text", statuses));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<String> column(String name) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = schema.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + name + " FROM webhook_deliveries WHERE kind = 'alert' ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
