package io.modeltrust.alert.history;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Series dictionaries kept in memory across transactions, since every result of a model needs its
 * dictionary. Only the consumer thread uses it. After a rolled-back transaction it must be
 * invalidated: the dictionaries may then hold positions the database never saw.
 */
@ApplicationScoped
public class DictionaryCache {

    private final Map<ModelKind, SeriesDictionary> cache = new ConcurrentHashMap<>();

    /** The dictionaries of these (model, kind) pairs, loading the missing ones in one query. */
    public Map<ModelKind, SeriesDictionary> load(Connection c, Collection<ModelKind> keys) throws SQLException {
        List<ModelKind> missing = keys.stream().distinct().filter(k -> !cache.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            Map<ModelKind, SeriesDictionary> loaded = new java.util.HashMap<>();
            missing.forEach(k -> loaded.put(k, new SeriesDictionary()));
            String sql = """
                    SELECT s.model_id, s.kind, s.series, s.idx
                    FROM unnest(?::text[], ?::text[]) AS k(m, kd)
                    JOIN series_keys s ON s.model_id = k.m AND s.kind = k.kd""";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, Jdbc.textArray(c, missing.stream().map(ModelKind::modelId).toList()));
                ps.setArray(2, Jdbc.textArray(c, missing.stream().map(ModelKind::kind).toList()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        loaded.get(new ModelKind(rs.getString(1), rs.getString(2))).load(rs.getString(3), rs.getInt(4));
                    }
                }
            }
            cache.putAll(loaded);
        }
        Map<ModelKind, SeriesDictionary> out = new java.util.HashMap<>();
        keys.forEach(k -> out.put(k, cache.get(k)));
        return out;
    }

    /** Writes the paths the dictionaries gained in this transaction. */
    public void saveNew(Connection c, Map<ModelKind, SeriesDictionary> dictionaries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO series_keys (model_id, kind, series, idx) VALUES (?, ?, ?, ?)")) {
            int n = 0;
            for (var e : dictionaries.entrySet()) {
                for (var entry : e.getValue().unsaved().entrySet()) {
                    ps.setString(1, e.getKey().modelId());
                    ps.setString(2, e.getKey().kind());
                    ps.setString(3, entry.getValue());
                    ps.setInt(4, entry.getKey());
                    ps.addBatch();
                    n++;
                }
                e.getValue().markPersisted();
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Forgets a deleted model's dictionaries: its series_keys rows are gone, and a new model may take the id. */
    public void evict(String modelId) {
        cache.keySet().removeIf(k -> k.modelId().equals(modelId));
    }

    public void invalidateAll() {
        cache.clear();
    }
}
