package io.modeltrust.alert.history;

import io.modeltrust.alert.rules.BatchKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes result_vectors, the per-batch value arrays behind time series and persistence windows. */
@ApplicationScoped
public class VectorStore {

    /** One point of a time series. */
    public record SeriesPoint(String batchId, Instant at, double value) {
    }

    private static final String COLUMNS = "model_id, kind, batch_id, batch_at, revision, vals";

    /** Writes each row unless a newer revision of that batch and kind is already stored. */
    public void upsert(Connection c, Collection<VectorRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO result_vectors (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (model_id, kind, batch_id) DO UPDATE SET revision = excluded.revision, vals = excluded.vals "
                + "WHERE result_vectors.revision < excluded.revision";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (VectorRow r : rows) {
                ps.setString(1, r.modelKind().modelId());
                ps.setString(2, r.modelKind().kind());
                ps.setString(3, r.key().batchId());
                Jdbc.setInstant(ps, 4, r.key().at());
                ps.setInt(5, r.revision());
                ps.setArray(6, Jdbc.doubleArray(c, r.vals()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The newest {@code limit} rows of each (model, kind), newest first, in one query. */
    public Map<ModelKind, List<VectorRow>> latest(Connection c, Collection<ModelKind> keys, int limit) throws SQLException {
        Map<ModelKind, List<VectorRow>> out = new HashMap<>();
        keys.forEach(k -> out.put(k, new ArrayList<>()));
        if (keys.isEmpty()) {
            return out;
        }
        String sql = """
                SELECT k.m AS model_id, k.kd AS kind, v.batch_id, v.batch_at, v.revision, v.vals
                FROM unnest(?::text[], ?::text[]) AS k(m, kd)
                CROSS JOIN LATERAL (SELECT batch_id, batch_at, revision, vals FROM result_vectors
                                    WHERE model_id = k.m AND kind = k.kd
                                    ORDER BY batch_at DESC, batch_id DESC LIMIT ?) v
                ORDER BY k.m, k.kd, v.batch_at DESC, v.batch_id DESC""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Jdbc.textArray(c, keys.stream().map(ModelKind::modelId).toList()));
            ps.setArray(2, Jdbc.textArray(c, keys.stream().map(ModelKind::kind).toList()));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    VectorRow row = row(rs);
                    out.get(row.modelKind()).add(row);
                }
            }
        }
        return out;
    }

    /** Up to {@code n} rows before {@code key}, newest first. */
    public List<VectorRow> before(Connection c, ModelKind mk, BatchKey key, int n) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM result_vectors WHERE model_id = ? AND kind = ? AND (batch_at, batch_id) < (?, ?) "
                + "ORDER BY batch_at DESC, batch_id DESC LIMIT ?";
        List<VectorRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, mk.modelId());
            ps.setString(2, mk.kind());
            Jdbc.setInstant(ps, 3, key.at());
            ps.setString(4, key.batchId());
            ps.setInt(5, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    /**
     * One element of every array of a model and kind in [from, to), oldest first, in one round trip:
     * the path's position from series_keys, then an index range scan on result_vectors_timeline with
     * one array subscript per row. NaN marks a path the batch lacked and a subscript past the end of
     * an older, shorter array gives NULL; both are skipped.
     */
    public List<SeriesPoint> series(Connection c, String modelId, String kind, String path, Instant from, Instant to,
                                    int limit) throws SQLException {
        String sql = """
                SELECT v.batch_id, v.batch_at, v.vals[k.idx + 1] AS v
                FROM series_keys k
                JOIN result_vectors v ON v.model_id = k.model_id AND v.kind = k.kind
                WHERE k.model_id = ? AND k.kind = ? AND k.series = ? AND v.batch_at >= ? AND v.batch_at < ?
                  AND v.vals[k.idx + 1] <> 'NaN'::float8
                ORDER BY v.batch_at, v.batch_id LIMIT ?""";
        List<SeriesPoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, modelId);
            ps.setString(2, kind);
            ps.setString(3, path);
            Jdbc.setInstant(ps, 4, from);
            Jdbc.setInstant(ps, 5, to);
            ps.setInt(6, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SeriesPoint(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getDouble(3)));
                }
            }
        }
        return out;
    }

    private static VectorRow row(ResultSet rs) throws SQLException {
        return new VectorRow(new ModelKind(rs.getString("model_id"), rs.getString("kind")),
                new BatchKey(Jdbc.instant(rs, "batch_at"), rs.getString("batch_id")), rs.getInt("revision"),
                Jdbc.doubles(rs, "vals"));
    }
}
