package io.modeltrust.alert.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modeltrust.alert.rules.MetricPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Read side of stored results for the history API. */
@ApplicationScoped
public class HistoryQueries {

    /** A model known here, with its newest batch and open alert counts by severity. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelSummary(String modelId, Instant firstSeenAt, Instant lastResultAt, String latestBatchId,
                               Instant latestBatchAt, long results, Map<String, Integer> openAlerts) {
    }

    /**
     * A batch of the timeline: the latest revision of each result kind that has arrived, and {@code n} its position
     * among the model's stored batches oldest first (1 = the oldest), which the dashboard labels batches with.
     */
    public record BatchEntry(String batchId, long n, Instant at, Map<String, Integer> results) {
    }

    /** The latest revision of each kind of a batch, as the exact stored JSON, and every revision number. */
    public record StoredBatch(String batchId, Instant at, Map<String, String> payloads, Map<String, List<Integer>> revisions) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    VectorStore vectors;

    public List<ModelSummary> models(String modelId, int limit, int offset) {
        String sql = """
                SELECT m.model_id, m.first_seen_at, m.last_result_at, m.latest_batch_id, m.latest_batch_at, m.result_count,
                       a.severity, a.n
                FROM (SELECT * FROM models WHERE (?::text IS NULL OR model_id = ?) ORDER BY model_id LIMIT ? OFFSET ?) m
                LEFT JOIN (SELECT model_id, severity, count(*) AS n FROM alerts WHERE status <> 'resolved'
                           GROUP BY model_id, severity) a ON a.model_id = m.model_id
                ORDER BY m.model_id""";
        return Jdbc.call(() -> {
            Map<String, ModelSummary> out = new LinkedHashMap<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, modelId);
                ps.setString(2, modelId);
                ps.setInt(3, limit);
                ps.setInt(4, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        ModelSummary m = out.get(id);
                        if (m == null) {
                            Map<String, Integer> open = new TreeMap<>(Map.of("info", 0, "warning", 0, "critical", 0));
                            m = new ModelSummary(id, Jdbc.instant(rs, "first_seen_at"), Jdbc.instant(rs, "last_result_at"),
                                    rs.getString(4), Jdbc.instant(rs, "latest_batch_at"), rs.getLong(6), open);
                            out.put(id, m);
                        }
                        if (rs.getString(7) != null) {
                            m.openAlerts().put(rs.getString(7), rs.getInt(8));
                        }
                    }
                }
            }
            return new ArrayList<>(out.values());
        });
    }

    /**
     * Batches newest first; {@code limit + 1} are read so the caller can tell whether a next page exists. Positions
     * count all of the model's batches, not only those from/to let through, so a batch keeps its number in any window
     * (it changes only when older batches are removed). A window is contiguous in that order, so counting the batches
     * up to its newest row numbers the whole page, in the same statement and snapshot as the page itself.
     */
    public List<BatchEntry> batches(String modelId, Instant from, Instant to, int limit, int offset) {
        String sql = """
                WITH page AS (SELECT batch_id, batch_at, drift_revision, performance_revision, fairness_revision FROM batches
                              WHERE model_id = ? AND batch_at >= ? AND batch_at < ?
                              ORDER BY batch_at DESC, batch_id DESC LIMIT ? OFFSET ?),
                     newest AS (SELECT batch_at, batch_id FROM page ORDER BY batch_at DESC, batch_id DESC LIMIT 1)
                SELECT p.*, (SELECT count(*) FROM batches o, newest t WHERE o.model_id = ? AND (o.batch_at < t.batch_at
                             OR (o.batch_at = t.batch_at AND o.batch_id <= t.batch_id))) AS newest_n
                FROM page p ORDER BY p.batch_at DESC, p.batch_id DESC""";
        return Jdbc.call(() -> {
            List<BatchEntry> out = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, modelId);
                Jdbc.setInstant(ps, 2, from);
                Jdbc.setInstant(ps, 3, to);
                ps.setInt(4, limit);
                ps.setInt(5, offset);
                ps.setString(6, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Integer> results = new LinkedHashMap<>();
                        revision(rs, 3, "drift", results);
                        revision(rs, 4, "performance", results);
                        revision(rs, 5, "fairness", results);
                        long n = rs.getLong("newest_n") - out.size();
                        out.add(new BatchEntry(rs.getString(1), n, Jdbc.instant(rs, "batch_at"), results));
                    }
                }
            }
            return out;
        });
    }

    /** The stored results of one batch, or null when the batch is unknown. */
    public StoredBatch batch(String modelId, String batchId) {
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                Instant at;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT batch_at FROM batches WHERE model_id = ? AND batch_id = ?")) {
                    ps.setString(1, modelId);
                    ps.setString(2, batchId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return null;
                        }
                        at = Jdbc.instant(rs, "batch_at");
                    }
                }
                Map<String, String> payloads = new LinkedHashMap<>();
                Map<String, List<Integer>> revisions = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT kind, revision, payload FROM results "
                        + "WHERE model_id = ? AND batch_id = ? ORDER BY kind, revision")) {
                    ps.setString(1, modelId);
                    ps.setString(2, batchId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            payloads.put(rs.getString(1), rs.getString(3)); // ascending: the newest revision wins
                            revisions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getInt(2));
                        }
                    }
                }
                return new StoredBatch(batchId, at, payloads, revisions);
            }
        });
    }

    /** One stored revision of one kind of a batch, exactly as received; null when absent. */
    public String result(String modelId, String batchId, String kind, int revision) {
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT payload FROM results WHERE model_id = ? AND batch_id = ? AND kind = ? AND revision = ?")) {
                ps.setString(1, modelId);
                ps.setString(2, batchId);
                ps.setString(3, kind);
                ps.setInt(4, revision);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** The time series of a concrete path; empty when the model never reported it. */
    public List<VectorStore.SeriesPoint> series(String modelId, MetricPath path, Instant from, Instant to, int limit) {
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return vectors.series(c, modelId, path.section().resultKind(), path.canonical(), from, to, limit);
            }
        });
    }

    public boolean modelExists(String modelId) {
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT 1 FROM models WHERE model_id = ?")) {
                ps.setString(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static void revision(ResultSet rs, int column, String kind, Map<String, Integer> out) throws SQLException {
        int r = rs.getInt(column);
        if (!rs.wasNull()) {
            out.put(kind, r);
        }
    }
}
