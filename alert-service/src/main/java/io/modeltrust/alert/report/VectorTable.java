package io.modeltrust.alert.report;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The stored number vectors of one result kind for the period's batches, oldest first: one row per batch
 * and, for each metric path, its position in the rows. A column is read out as a double[] aligned with
 * {@link #at()}, NaN where a batch lacks the path (older, shorter arrays included).
 */
public final class VectorTable {

    private final List<String> batchIds;
    private final List<Instant> at;
    private final Map<String, Integer> index;
    private final double[][] rows;
    private final List<String> paths;

    public VectorTable(List<String> batchIds, List<Instant> at, Map<String, Integer> index, double[][] rows) {
        if (batchIds.size() != at.size() || at.size() != rows.length) {
            throw new IllegalArgumentException("batch ids, times and rows differ in length");
        }
        this.batchIds = List.copyOf(batchIds);
        this.at = List.copyOf(at);
        this.index = Map.copyOf(index);
        this.rows = rows;
        this.paths = index.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    public static VectorTable empty() {
        return new VectorTable(List.of(), List.of(), Map.of(), new double[0][]);
    }

    public int size() {
        return rows.length;
    }

    public List<String> batchIds() {
        return batchIds;
    }

    public List<Instant> at() {
        return at;
    }

    /** The metric paths any batch of the model ever stored for this kind, in the order they were first stored. */
    public List<String> paths() {
        return paths;
    }

    public double[] column(String path) {
        double[] out = new double[rows.length];
        Integer i = index.get(path);
        if (i == null) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int b = 0; b < rows.length; b++) {
            out[b] = i < rows[b].length ? rows[b][i] : Double.NaN;
        }
        return out;
    }
}
