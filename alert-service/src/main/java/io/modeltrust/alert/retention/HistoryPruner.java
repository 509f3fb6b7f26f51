package io.modeltrust.alert.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.alert.history.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Deletes the history older than a cutoff, a bounded chunk per transaction so that a large prune
 * never holds its locks for long:
 * <ul>
 * <li>each model's batches whose time ({@code batch_at}, the time the history API orders by) is before
 *     the cutoff, with every revision of their results and their value arrays;</li>
 * <li>alerts resolved before the cutoff, with their occurrences, audit trail and deliveries;</li>
 * <li>notification digests (deliveries of no single alert) made before the cutoff and no longer pending;</li>
 * <li>models left with neither batches nor alerts whose last result arrived before the cutoff.</li>
 * </ul>
 * Open and acknowledged alerts are never deleted, whatever their age, nor anything of theirs. Rules,
 * notification channels, the series dictionary and the outbox are configuration or work in flight,
 * not history. One replica prunes at a time (a session advisory lock); the others skip the round.
 */
@ApplicationScoped
public class HistoryPruner {

    private static final Logger LOG = Logger.getLogger(HistoryPruner.class);
    /** The kinds ResultParser accepts: result_vectors is keyed (model, kind, batch), so naming them keeps deletes on its key. */
    private static final String[] KINDS = {"drift", "performance", "fairness"};
    private static final String LOCK_KEY = "hashtext('modeltrust.alert.retention')";

    /** Rows deleted per table; {@code ran} is false when another replica held the lock. */
    public record Pruned(boolean ran, long results, long vectors, long batches, long alerts, long occurrences,
                         long audit, long deliveries, long models) {

        public static final Pruned NONE = new Pruned(false, 0, 0, 0, 0, 0, 0, 0, 0);

        public long total() {
            return results + vectors + batches + alerts + occurrences + audit + deliveries + models;
        }

        Pruned plus(Pruned o) {
            return new Pruned(ran || o.ran, results + o.results, vectors + o.vectors, batches + o.batches,
                    alerts + o.alerts, occurrences + o.occurrences, audit + o.audit, deliveries + o.deliveries,
                    models + o.models);
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry registry;

    /** Deletes what is older than {@code cutoff}, at most {@code chunk} batches or alerts per transaction. */
    public Pruned prune(Instant cutoff, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive, was " + chunk);
        }
        return Jdbc.call(() -> {
            try (Connection lock = dataSource.getConnection()) {
                if (!advisory(lock, "pg_try_advisory_lock")) {
                    LOG.info("history retention: another replica is pruning, skipping this round");
                    return Pruned.NONE;
                }
                try {
                    Pruned done = new Pruned(true, 0, 0, 0, 0, 0, 0, 0, 0);
                    for (String model : models()) {
                        done = done.plus(pruneTimeline(model, cutoff, chunk));
                    }
                    done = done.plus(pruneAlerts(cutoff, chunk));
                    done = done.plus(pruneDigests(cutoff));
                    done = done.plus(pruneModels(cutoff));
                    int reports = pruneReports(cutoff);
                    if (done.total() > 0 || reports > 0) {
                        LOG.infof("history retention: deleted what is older than %s: %s, %d reports", cutoff, done, reports);
                    }
                    return done;
                } finally {
                    advisory(lock, "pg_advisory_unlock");
                }
            }
        });
    }

    private static boolean advisory(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(" + LOCK_KEY + ")");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private List<String> models() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT model_id FROM models ORDER BY model_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private Pruned pruneTimeline(String model, Instant cutoff, int chunk) throws SQLException {
        Pruned done = Pruned.NONE;
        while (true) {
            List<String> batchIds = oldBatches(model, cutoff, chunk);
            if (batchIds.isEmpty()) {
                return done;
            }
            Pruned step = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> deleteBatches(model, batchIds)));
            count(step);
            done = done.plus(step);
            if (batchIds.size() < chunk || step.batches() == 0) {
                return done;
            }
        }
    }

    private List<String> oldBatches(String model, Instant cutoff, int chunk) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT batch_id FROM batches WHERE model_id = ? AND batch_at < ? ORDER BY batch_at, batch_id LIMIT ?")) {
            ps.setString(1, model);
            Jdbc.setInstant(ps, 2, cutoff);
            ps.setInt(3, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * One transaction. The model row is locked first, as the result consumer does (results, then the
     * model, then the timeline), so the two cannot deadlock, and result_count stays the number stored.
     */
    private Pruned deleteBatches(String model, List<String> batchIds) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM models WHERE model_id = ? FOR UPDATE")) {
                ps.setString(1, model);
                ps.executeQuery().close();
            }
            Array ids = Jdbc.textArray(c, batchIds);
            long results = update(c, "DELETE FROM results WHERE model_id = ? AND batch_id = ANY(?)", model, ids);
            long vectors;
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM result_vectors WHERE model_id = ? AND kind = ANY(?) AND batch_id = ANY(?)")) {
                ps.setString(1, model);
                ps.setArray(2, c.createArrayOf("text", KINDS));
                ps.setArray(3, ids);
                vectors = ps.executeUpdate();
            }
            long batches = update(c, "DELETE FROM batches WHERE model_id = ? AND batch_id = ANY(?)", model, ids);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE models SET result_count = GREATEST(result_count - ?, 0) WHERE model_id = ?")) {
                ps.setLong(1, results);
                ps.setString(2, model);
                ps.executeUpdate();
            }
            return new Pruned(true, results, vectors, batches, 0, 0, 0, 0, 0);
        }
    }

    private static long update(Connection c, String sql, String model, Array ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, model);
            ps.setArray(2, ids);
            return ps.executeUpdate();
        }
    }

    /**
     * A chunk of resolved alerts and everything of theirs, in one statement. The outer delete checks the
     * status again: an alert reopened meanwhile (a breach within its cooldown) is left alone.
     */
    private Pruned pruneAlerts(Instant cutoff, int chunk) throws SQLException {
        String sql = """
                WITH gone AS (
                  DELETE FROM alerts WHERE alert_id IN (
                      SELECT alert_id FROM alerts WHERE status = 'resolved' AND resolved_at < ? ORDER BY resolved_at LIMIT ?)
                    AND status = 'resolved' AND resolved_at < ?
                  RETURNING alert_id),
                occurrences AS (DELETE FROM alert_occurrences o USING gone WHERE o.alert_id = gone.alert_id RETURNING 1),
                audit AS (DELETE FROM alert_audit a USING gone WHERE a.alert_id = gone.alert_id RETURNING 1),
                deliveries AS (DELETE FROM webhook_deliveries d USING gone WHERE d.alert_id = gone.alert_id RETURNING 1)
                SELECT (SELECT count(*) FROM gone), (SELECT count(*) FROM occurrences), (SELECT count(*) FROM audit),
                       (SELECT count(*) FROM deliveries)""";
        Pruned done = Pruned.NONE;
        while (true) {
            Pruned step;
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.setInstant(ps, 1, cutoff);
                ps.setInt(2, chunk);
                Jdbc.setInstant(ps, 3, cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    step = new Pruned(true, 0, 0, 0, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), 0);
                }
            }
            count(step);
            done = done.plus(step);
            if (step.alerts() < chunk) {
                return done;
            }
        }
    }

    /** Stored reports follow the history: a report whose period ended before the cutoff goes with its results. */
    private int pruneReports(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM reports WHERE period_to < ?")) {
            Jdbc.setInstant(ps, 1, cutoff);
            int n = ps.executeUpdate();
            add("reports", n);
            return n;
        }
    }

    private Pruned pruneDigests(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM webhook_deliveries WHERE kind = 'digest' AND created_at < ? AND status <> 'pending'")) {
            Jdbc.setInstant(ps, 1, cutoff);
            Pruned step = new Pruned(true, 0, 0, 0, 0, 0, 0, ps.executeUpdate(), 0);
            count(step);
            return step;
        }
    }

    /**
     * Models whose whole history is gone. The check of last_result_at is what makes this safe against
     * a result arriving meanwhile: its transaction moves last_result_at forward.
     */
    private Pruned pruneModels(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                DELETE FROM models m WHERE m.last_result_at < ?
                  AND NOT EXISTS (SELECT 1 FROM batches b WHERE b.model_id = m.model_id)
                  AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.model_id = m.model_id)""")) {
            Jdbc.setInstant(ps, 1, cutoff);
            Pruned step = new Pruned(true, 0, 0, 0, 0, 0, 0, 0, ps.executeUpdate());
            count(step);
            return step;
        }
    }

    private void count(Pruned p) {
        add("results", p.results());
        add("result_vectors", p.vectors());
        add("batches", p.batches());
        add("alerts", p.alerts());
        add("alert_occurrences", p.occurrences());
        add("alert_audit", p.audit());
        add("webhook_deliveries", p.deliveries());
        add("models", p.models());
    }

    private void add(String table, long n) {
        if (n > 0) {
            registry.counter("history.pruned.rows", "table", table).increment(n);
        }
    }
}
