package io.modeltrust.drift.window;

import io.modeltrust.drift.profile.ColumnProfile;
import io.modeltrust.drift.stats.CategoricalReferenceProfile;
import io.modeltrust.drift.stats.NumericReferenceProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The previous production batches of a model pooled into one reference: per column, the values (or
 * category counts) of every batch that has the column, as if they were one upload. A column whose type
 * changed within the window is pooled from the batches of its newest type only. {@code from} and
 * {@code to} are the times of the oldest and newest batch; an empty window has no batches.
 */
public record PooledWindow(int batches, long rows, Instant from, Instant to, Map<String, ColumnProfile> columns) {

    /** Orders the window: by batch time, ties by batch id (as the store selects it). */
    public static final Comparator<WindowBatch> ORDER = Comparator.comparing(WindowBatch::at)
            .thenComparing(WindowBatch::batchId);

    public static final PooledWindow EMPTY = new PooledWindow(0, 0, null, null, Map.of());

    public boolean isEmpty() {
        return batches == 0;
    }

    /** Pools {@code parts}, which may come in any order. */
    public static PooledWindow pool(List<WindowBatch> parts) {
        if (parts.isEmpty()) {
            return EMPTY;
        }
        List<WindowBatch> ordered = parts.stream().sorted(ORDER).toList();
        // the newest batch's columns first: their role and type win
        Map<String, ColumnProfile> newest = new LinkedHashMap<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            ordered.get(i).columns().forEach(newest::putIfAbsent);
        }
        Map<String, ColumnProfile> columns = new LinkedHashMap<>();
        for (ColumnProfile latest : newest.values()) {
            columns.put(latest.column(), pooled(latest, ordered));
        }
        long rows = ordered.stream().mapToLong(WindowBatch::rows).sum();
        return new PooledWindow(ordered.size(), rows, ordered.get(0).at(), ordered.get(ordered.size() - 1).at(),
                columns);
    }

    private static ColumnProfile pooled(ColumnProfile latest, List<WindowBatch> ordered) {
        String name = latest.column();
        if (latest.isNumeric()) {
            List<NumericReferenceProfile> parts = new ArrayList<>();
            for (WindowBatch b : ordered) {
                ColumnProfile p = b.columns().get(name);
                if (p != null && p.isNumeric()) {
                    parts.add(p.numeric());
                }
            }
            return new ColumnProfile(name, latest.role(), NumericReferenceProfile.pooled(parts), null);
        }
        List<CategoricalReferenceProfile> parts = new ArrayList<>();
        for (WindowBatch b : ordered) {
            ColumnProfile p = b.columns().get(name);
            if (p != null && !p.isNumeric()) {
                parts.add(p.categorical());
            }
        }
        return new ColumnProfile(name, latest.role(), null, CategoricalReferenceProfile.pooled(parts));
    }
}
