package io.modeltrust.alert.history;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes results, the batch timeline and the model list; a whole poll of records in a few statements. */
@ApplicationScoped
public class ResultStore {

    /** A batch's timeline row; revisions are the latest stored per kind, null when that kind has not arrived. */
    public static final class BatchRow {
        public final String modelId;
        public final String batchId;
        public Instant at;
        public final Map<String, Integer> revisions = new HashMap<>();
        boolean changed;

        BatchRow(String modelId, String batchId, Instant at) {
            this.modelId = modelId;
            this.batchId = batchId;
            this.at = at;
        }

        public Integer revision(String kind) {
            return revisions.get(kind);
        }

        /** Records a newer revision of a kind; false when an equal or newer one is already known. */
        public boolean advance(String kind, int revision) {
            Integer current = revisions.get(kind);
            if (current != null && current >= revision) {
                return false;
            }
            revisions.put(kind, revision);
            changed = true;
            return true;
        }
    }

    public record BatchRef(String modelId, String batchId) {
    }

    /**
     * Inserts the results and returns the eventIds that were new. A redelivered eventId, or a second
     * event for a (model, batch, kind, revision) already stored, inserts nothing. Known results are
     * looked up first, since asking the insert for the keys it wrote costs more than the lookup.
     */
    public Set<String> insert(Connection c, List<ResultEvent> events, Instant receivedAt) throws SQLException {
        Set<String> knownIds = new HashSet<>();
        Set<String> knownRevisions = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.event_id, r.model_id, r.batch_id, r.kind, r.revision FROM results r
                WHERE r.event_id = ANY(?)
                UNION ALL
                SELECT r.event_id, r.model_id, r.batch_id, r.kind, r.revision
                FROM unnest(?::text[], ?::text[], ?::text[], ?::int4[]) AS k(m, b, kd, rv)
                JOIN results r ON r.model_id = k.m AND r.batch_id = k.b AND r.kind = k.kd AND r.revision = k.rv""")) {
            ps.setArray(1, Jdbc.textArray(c, events.stream().map(ResultEvent::eventId).toList()));
            ps.setArray(2, Jdbc.textArray(c, events.stream().map(ResultEvent::modelId).toList()));
            ps.setArray(3, Jdbc.textArray(c, events.stream().map(ResultEvent::batchId).toList()));
            ps.setArray(4, Jdbc.textArray(c, events.stream().map(ResultEvent::kind).toList()));
            ps.setArray(5, c.createArrayOf("int4", events.stream().map(ResultEvent::revision).toArray(Integer[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    knownIds.add(rs.getString(1));
                    knownRevisions.add(revisionKey(rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
                }
            }
        }
        Set<String> inserted = new HashSet<>();
        String sql = "INSERT INTO results (event_id, model_id, batch_id, kind, revision, batch_at, computed_at, received_at, "
                + "payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (ResultEvent e : events) {
                if (!knownIds.add(e.eventId()) || !knownRevisions.add(revisionKey(e.modelId(), e.batchId(), e.kind(), e.revision()))) {
                    continue; // stored before, or earlier in this poll
                }
                ps.setString(1, e.eventId());
                ps.setString(2, e.modelId());
                ps.setString(3, e.batchId());
                ps.setString(4, e.kind());
                ps.setInt(5, e.revision());
                Jdbc.setInstant(ps, 6, e.at());
                Jdbc.setInstant(ps, 7, e.computedAt());
                Jdbc.setInstant(ps, 8, receivedAt);
                ps.setString(9, e.payload());
                ps.addBatch();
                inserted.add(e.eventId());
            }
            if (!inserted.isEmpty()) {
                ps.executeBatch();
            }
        }
        return inserted;
    }

    private static String revisionKey(String modelId, String batchId, String kind, int revision) {
        return modelId + '\n' + batchId + '\n' + kind + '\n' + revision;
    }

    /** Counts stored results per model and moves its latest batch forward. */
    public void touchModels(Connection c, List<ResultEvent> stored, Instant now) throws SQLException {
        Map<String, ResultEvent> latest = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (ResultEvent e : stored) {
            latest.merge(e.modelId(), e, (a, b) -> a.batchKey().compareTo(b.batchKey()) >= 0 ? a : b);
            counts.merge(e.modelId(), 1, Integer::sum);
        }
        String sql = """
                INSERT INTO models (model_id, first_seen_at, last_result_at, latest_batch_id, latest_batch_at, result_count)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (model_id) DO UPDATE SET
                  last_result_at = excluded.last_result_at,
                  result_count = models.result_count + excluded.result_count,
                  latest_batch_id = CASE WHEN models.latest_batch_at IS NULL OR excluded.latest_batch_at >= models.latest_batch_at
                                         THEN excluded.latest_batch_id ELSE models.latest_batch_id END,
                  latest_batch_at = GREATEST(models.latest_batch_at, excluded.latest_batch_at)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (ResultEvent e : latest.values()) {
                ps.setString(1, e.modelId());
                Jdbc.setInstant(ps, 2, now);
                Jdbc.setInstant(ps, 3, now);
                ps.setString(4, e.batchId());
                Jdbc.setInstant(ps, 5, e.at());
                ps.setInt(6, counts.get(e.modelId()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public Map<BatchRef, BatchRow> loadBatches(Connection c, Collection<BatchRef> refs) throws SQLException {
        Map<BatchRef, BatchRow> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        String sql = """
                SELECT b.model_id, b.batch_id, b.batch_at, b.drift_revision, b.performance_revision, b.fairness_revision
                FROM unnest(?::text[], ?::text[]) AS k(m, b)
                JOIN batches b ON b.model_id = k.m AND b.batch_id = k.b""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Jdbc.textArray(c, refs.stream().map(BatchRef::modelId).toList()));
            ps.setArray(2, Jdbc.textArray(c, refs.stream().map(BatchRef::batchId).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BatchRow row = new BatchRow(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "batch_at"));
                    putRevision(row, "drift", rs.getInt(4), rs.wasNull());
                    putRevision(row, "performance", rs.getInt(5), rs.wasNull());
                    putRevision(row, "fairness", rs.getInt(6), rs.wasNull());
                    out.put(new BatchRef(row.modelId, row.batchId), row);
                }
            }
        }
        return out;
    }

    public static BatchRow newBatch(String modelId, String batchId, Instant at) {
        BatchRow row = new BatchRow(modelId, batchId, at);
        row.changed = true;
        return row;
    }

    private static void putRevision(BatchRow row, String kind, int revision, boolean wasNull) {
        if (!wasNull) {
            row.revisions.put(kind, revision);
        }
    }

    public void saveBatches(Connection c, Collection<BatchRow> rows, Instant now) throws SQLException {
        String sql = """
                INSERT INTO batches (model_id, batch_id, batch_at, drift_revision, performance_revision, fairness_revision,
                                     first_received_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (model_id, batch_id) DO UPDATE SET
                  drift_revision = GREATEST(batches.drift_revision, excluded.drift_revision),
                  performance_revision = GREATEST(batches.performance_revision, excluded.performance_revision),
                  fairness_revision = GREATEST(batches.fairness_revision, excluded.fairness_revision),
                  updated_at = excluded.updated_at""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (BatchRow row : rows) {
                if (!row.changed) {
                    continue;
                }
                ps.setString(1, row.modelId);
                ps.setString(2, row.batchId);
                Jdbc.setInstant(ps, 3, row.at);
                setRevision(ps, 4, row.revision("drift"));
                setRevision(ps, 5, row.revision("performance"));
                setRevision(ps, 6, row.revision("fairness"));
                Jdbc.setInstant(ps, 7, now);
                Jdbc.setInstant(ps, 8, now);
                ps.addBatch();
                n++;
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void setRevision(PreparedStatement ps, int i, Integer revision) throws SQLException {
        if (revision == null) {
            ps.setNull(i, java.sql.Types.INTEGER);
        } else {
            ps.setInt(i, revision);
        }
    }
}
