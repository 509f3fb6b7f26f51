package io.modeltrust.alert.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.Await;
import io.modeltrust.alert.ResultSender;
import io.modeltrust.alert.Results;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Results sent through the broker with batch times in 2001, some before and some after a cutoff, and
 * alerts written with old and recent times: one prune with a small chunk (so several transactions)
 * deletes the old timeline, the old resolved alert with its occurrences, audit and deliveries, and a
 * model left without history; recent batches, the recent resolved alert and an old OPEN alert stay.
 * The cutoff lies decades before any other test's data, which shares this database.
 */
@QuarkusTest
class HistoryPrunerTest {

    private static final Instant OLD = Instant.parse("2001-01-01T00:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2001-03-01T00:00:00Z");
    private static final Instant RECENT = Instant.parse("2001-06-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    HistoryPruner pruner;
    @Inject
    DataSource dataSource;

    @Test
    void oldHistoryGoesRecentHistoryAndOpenAlertsStay() throws Exception {
        String model = "prune-" + System.nanoTime();
        String gone = "prune-gone-" + System.nanoTime();
        try (ResultSender sender = new ResultSender()) {
            for (int i = 0; i < 5; i++) {
                sender.send(Results.drift(model, "old-" + i, OLD.plus(Duration.ofHours(i)), List.of()));
            }
            sender.send(Results.performance(model, "old-0", OLD, 1, null, 0.02, 0.9));
            sender.send(Results.performance(model, "old-0", OLD, 2, 0.86, 0.02, 0.9));
            sender.send(Results.performance(model, "old-1", OLD.plus(Duration.ofHours(1)), 1, null, 0.02, 0.9));
            sender.send(Results.drift(model, "new-0", RECENT, List.of()));
            sender.send(Results.drift(model, "new-1", RECENT.plus(Duration.ofHours(1)), List.of()));
            sender.send(Results.drift(gone, "old-0", OLD, List.of()));
        }
        Await.until("the results stored", WAIT, () -> count("SELECT count(*) FROM results WHERE model_id IN (?, ?)", model, gone) == 11);
        // Models remember when their last result arrived (wall clock); make the second one's history old throughout.
        exec("UPDATE models SET last_result_at = ? WHERE model_id = ?", Timestamp.from(OLD), gone);

        String resolvedOld = alert(model, "old-resolved", "resolved", OLD, Instant.parse("2001-01-10T00:00:00Z"));
        String resolvedRecent = alert(model, "recent-resolved", "resolved", OLD, Instant.parse("2001-05-01T00:00:00Z"));
        String openOld = alert(model, "old-open", "open", OLD, null);

        HistoryPruner.Pruned pruned = pruner.prune(CUTOFF, 2);

        assertTrue(pruned.ran());
        assertEquals(6, pruned.batches(), "five old batches of one model and the only batch of the other");
        assertEquals(9, pruned.results(), "every revision of every kind of those batches");
        assertEquals(8, pruned.vectors(), "one value array per batch and kind");
        assertEquals(1, pruned.alerts());
        assertEquals(2, pruned.occurrences());
        assertEquals(2, pruned.audit());
        assertEquals(2, pruned.deliveries());
        assertEquals(1, pruned.models());

        assertEquals(2, count("SELECT count(*) FROM batches WHERE model_id = ?", model));
        assertEquals(2, count("SELECT count(*) FROM results WHERE model_id = ?", model));
        assertEquals(2, count("SELECT count(*) FROM result_vectors WHERE model_id = ?", model));
        assertEquals(0, count("SELECT count(*) FROM results WHERE model_id = ? AND batch_at < ?", model, Timestamp.from(CUTOFF)));
        assertEquals(2, count("SELECT result_count FROM models WHERE model_id = ?", model), "result_count follows the deletes");
        assertEquals(0, count("SELECT count(*) FROM models WHERE model_id = ?", gone));
        assertEquals(0, count("SELECT count(*) FROM results WHERE model_id = ?", gone));

        for (String kept : List.of(resolvedRecent, openOld)) {
            assertEquals(1, count("SELECT count(*) FROM alerts WHERE alert_id = ?::uuid", kept));
            assertEquals(2, count("SELECT count(*) FROM alert_occurrences WHERE alert_id = ?::uuid", kept));
            assertEquals(2, count("SELECT count(*) FROM alert_audit WHERE alert_id = ?::uuid", kept));
            assertEquals(2, count("SELECT count(*) FROM webhook_deliveries WHERE alert_id = ?::uuid", kept));
        }
        for (String table : List.of("alerts", "alert_occurrences", "alert_audit", "webhook_deliveries")) {
            assertEquals(0, count("SELECT count(*) FROM " + table + " WHERE alert_id = ?::uuid", resolvedOld), table);
        }

        given().get("/api/v1/models/{m}/batches", model).then().statusCode(200).body("$", hasSize(2));
        given().get("/api/v1/models/{m}/batches/old-0/report", model).then().statusCode(404);
        given().get("/api/v1/alerts/{id}", resolvedOld).then().statusCode(404);
        given().get("/api/v1/alerts/{id}", openOld).then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("history_pruned_rows_total{table=\"results\"}"))
                .body(containsString("history_pruned_rows_total{table=\"alerts\"}"));

        HistoryPruner.Pruned again = pruner.prune(CUTOFF, 2);
        assertEquals(0, again.total(), "a second prune finds nothing left");
        assertFalse(again.total() > 0);
    }

    /** An alert with two occurrences, two audit rows and two webhook deliveries; resolved when resolvedAt is set. */
    private String alert(String model, String rule, String status, Instant batchAt, Instant resolvedAt) throws SQLException {
        String id = UUID.randomUUID().toString();
        Timestamp at = Timestamp.from(batchAt);
        exec("""
                INSERT INTO alerts (alert_id, model_id, rule_id, subject, kind, severity, status, metric, comparator, threshold,
                  batch_id, batch_at, first_batch_id, occurrences, opened_at, last_seen_at, resolved_at, notified, version, updated_at)
                VALUES (?::uuid, ?, ?, '', 'drift', 'warning', ?, 'driftShare', '>=', 0.5, 'old-0', ?, 'old-0', 2, ?, ?, ?, true, 1, ?)""",
                id, model, rule, status, at, at, at, resolvedAt == null ? null : Timestamp.from(resolvedAt), at);
        for (int i = 0; i < 2; i++) {
            exec("INSERT INTO alert_occurrences (alert_id, model_id, batch_id, batch_at, value, recorded_at) "
                    + "VALUES (?::uuid, ?, ?, ?, 0.6, ?)", id, model, "old-" + i, at, at);
            exec("INSERT INTO alert_audit (alert_id, at, transition, to_status, actor) VALUES (?::uuid, ?, ?, ?, 'system')",
                    id, at, i == 0 ? "opened" : "resolved", i == 0 ? "open" : status);
            exec("INSERT INTO webhook_deliveries (channel_id, event_id, alert_id, body, status, next_attempt_at, created_at, "
                    + "updated_at) VALUES ('ops', ?, ?::uuid, '{}', 'delivered', ?, ?, ?)", UUID.randomUUID().toString(), id, at, at, at);
        }
        return id;
    }

    private long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void exec(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
