package io.modeltrust.service.retention;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Deletes a metric service's published results (its {@code results} table, {@link
 * io.modeltrust.service.store.ResultEntity}) of the batches whose newest revision was computed before a
 * cutoff, every revision of such a batch together, a chunk of batches per statement. A batch with a
 * revision after the cutoff is kept whole: its revisions number on from the stored ones. One replica
 * prunes at a time (a session advisory lock per schema); the others skip the round.
 */
@ApplicationScoped
public class ResultsPruner {

    /** Distinct models by a loose index scan of the primary key: a read per model, not per row. */
    private static final String MODELS = """
            WITH RECURSIVE m(id) AS (
              (SELECT model_id FROM results ORDER BY model_id LIMIT 1)
              UNION ALL
              SELECT (SELECT model_id FROM results WHERE model_id > m.id ORDER BY model_id LIMIT 1) FROM m WHERE m.id IS NOT NULL)
            SELECT id FROM m WHERE id IS NOT NULL""";
    private static final String OLD_BATCHES = """
            SELECT DISTINCT r.batch_id FROM results r WHERE r.model_id = ? AND r.computed_at < ?
              AND NOT EXISTS (SELECT 1 FROM results n WHERE n.model_id = r.model_id AND n.batch_id = r.batch_id
                              AND n.computed_at >= ?)
            LIMIT ?""";
    /** The same condition again: a revision stored since the batch was chosen keeps it. */
    private static final String DELETE = """
            DELETE FROM results r WHERE r.model_id = ? AND r.batch_id = ANY(?)
              AND NOT EXISTS (SELECT 1 FROM results n WHERE n.model_id = r.model_id AND n.batch_id = r.batch_id
                              AND n.computed_at >= ?)""";
    private static final String LOCK_KEY = "hashtext(current_schema() || '.results.retention')";

    private final DataSource dataSource;
    private final MeterRegistry registry;

    public ResultsPruner(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /** Deletes the results of batches wholly computed before {@code cutoff}; returns the rows deleted, -1 when another replica is pruning. */
    public long prune(Instant cutoff, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive, was " + chunk);
        }
        Timestamp before = Timestamp.from(cutoff);
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "pg_try_advisory_lock")) {
                return -1;
            }
            try {
                long deleted = 0;
                for (String model : models()) {
                    deleted += pruneModel(model, before, chunk);
                }
                return deleted;
            } finally {
                advisory(lock, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pruning results failed: " + e.getMessage(), e);
        }
    }

    private long pruneModel(String model, Timestamp before, int chunk) throws SQLException {
        long deleted = 0;
        while (true) {
            List<String> batches = oldBatches(model, before, chunk);
            if (batches.isEmpty()) {
                return deleted;
            }
            long n;
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE)) {
                ps.setString(1, model);
                ps.setArray(2, c.createArrayOf("text", batches.toArray(new String[0])));
                ps.setTimestamp(3, before);
                n = ps.executeUpdate();
            }
            if (n > 0) {
                registry.counter("history.pruned.rows", "table", "results").increment(n);
            }
            deleted += n;
            if (batches.size() < chunk || n == 0) {
                return deleted;
            }
        }
    }

    private List<String> models() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MODELS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<String> oldBatches(String model, Timestamp before, int chunk) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(OLD_BATCHES)) {
            ps.setString(1, model);
            ps.setTimestamp(2, before);
            ps.setTimestamp(3, before);
            ps.setInt(4, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static boolean advisory(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(" + LOCK_KEY + ")");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
