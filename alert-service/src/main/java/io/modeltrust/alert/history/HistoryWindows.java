package io.modeltrust.alert.history;

import io.modeltrust.alert.rules.BatchKey;
import io.modeltrust.alert.rules.History;
import io.modeltrust.alert.rules.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Persistence windows for one transaction without a query per result: the newest rows of each
 * (model, kind) are loaded once, the transaction's own results are added as they are evaluated,
 * and only a window reaching below what was loaded (a late revision of an old batch) goes back to
 * the database.
 */
public final class HistoryWindows {

    /** Reads earlier rows from the database after writing this transaction's pending rows. */
    @FunctionalInterface
    public interface Fallback {
        List<VectorRow> before(ModelKind mk, BatchKey key, int n);
    }

    private static final class Timeline {
        final NavigableMap<BatchKey, VectorRow> rows = new TreeMap<>();
        /** The oldest loaded key; everything newer is known. Null: the whole history is known. */
        BatchKey floor;
        /** False for a (model, kind) that was not loaded up front: its windows always come from the database. */
        boolean loaded;
    }

    private final Map<ModelKind, Timeline> timelines = new HashMap<>();
    private final Map<ModelKind, SeriesDictionary> dictionaries;
    private final Fallback fallback;

    public HistoryWindows(Map<ModelKind, List<VectorRow>> loaded, int loadLimit, Map<ModelKind, SeriesDictionary> dictionaries,
                          Fallback fallback) {
        this.dictionaries = dictionaries;
        this.fallback = fallback;
        loaded.forEach((mk, rows) -> {
            Timeline t = new Timeline();
            rows.forEach(r -> t.rows.put(r.key(), r));
            t.floor = rows.size() < loadLimit ? null : rows.get(rows.size() - 1).key();
            t.loaded = true;
            timelines.put(mk, t);
        });
    }

    /** A result of this transaction, at its latest revision. */
    public void add(VectorRow row) {
        timelines.computeIfAbsent(row.modelKind(), k -> new Timeline()).rows.put(row.key(), row);
    }

    public History of(ModelKind mk) {
        return (key, n) -> previous(mk, key, n);
    }

    private List<Snapshot> previous(ModelKind mk, BatchKey key, int n) {
        Timeline t = timelines.get(mk);
        List<VectorRow> rows = new ArrayList<>(n);
        boolean known = t != null && t.loaded;
        if (known) {
            for (VectorRow r : t.rows.headMap(key, false).descendingMap().values()) {
                if (rows.size() == n) {
                    break;
                }
                if (t.floor != null && r.key().isBefore(t.floor)) {
                    break;
                }
                rows.add(r);
            }
        }
        if (rows.size() < n && (!known || t.floor != null)) {
            rows = fallback.before(mk, key, n);
        }
        SeriesDictionary dictionary = dictionaries.get(mk);
        List<Snapshot> out = new ArrayList<>(rows.size());
        for (VectorRow r : rows) {
            out.add(new Snapshot(r.key(), r.revision(), List.of(), dictionary.lookup(r.vals())));
        }
        return out;
    }
}
