package io.modeltrust.drift.stats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the per-batch comparison needs from a numeric reference column, computed once. The
 * sorted values are kept (KS and Wasserstein need them); the binary form is those values as raw
 * little-endian doubles plus a fixed ~100-byte header and the decile edges and bin counts, so a
 * 1,000,000-value profile is 8.0 MB.
 */
public final class NumericReferenceProfile {

    private static final int MAGIC = 0x4D544E50; // "MTNP"
    private static final int VERSION = 1;

    private final long rowCount;
    private final double[] sorted;
    private final double[] edges;
    private final long[] binCounts;
    private final double mean;
    private final double std;

    private NumericReferenceProfile(long rowCount, double[] sorted, double[] edges, long[] binCounts,
                                    double mean, double std) {
        this.rowCount = rowCount;
        this.sorted = sorted;
        this.edges = edges;
        this.binCounts = binCounts;
        this.mean = mean;
        this.std = std;
    }

    /** Builds the profile; NaN = missing (excluded from every statistic, counted in missingShare). */
    public static NumericReferenceProfile of(double[] values) {
        double[] sorted = SortedArrays.sortedWithoutNaN(values);
        return ofSorted(values.length, sorted);
    }

    /**
     * The profile of the rows of every part together, as if they were one column: the values merged
     * in order and the row counts (missing included) summed; the edges and bins are computed anew.
     */
    public static NumericReferenceProfile pooled(List<NumericReferenceProfile> parts) {
        long rows = 0;
        int values = 0;
        for (NumericReferenceProfile p : parts) {
            rows += p.rowCount;
            values = Math.addExact(values, p.sorted.length);
        }
        double[] merged = new double[values];
        int at = 0;
        for (NumericReferenceProfile p : parts) {
            System.arraycopy(p.sorted, 0, merged, at, p.sorted.length);
            at += p.sorted.length;
        }
        // concatenated sorted runs: the library sort finds and merges them
        Arrays.sort(merged);
        return ofSorted(rows, merged);
    }

    private static NumericReferenceProfile ofSorted(long rowCount, double[] sorted) {
        double[] edges = SortedArrays.decileEdges(sorted);
        long[] counts = SortedArrays.binCounts(sorted, edges);
        double mean = SortedArrays.mean(sorted);
        double std = SortedArrays.populationStd(sorted, mean);
        return new NumericReferenceProfile(rowCount, sorted, edges, counts, mean, std);
    }

    /** Rows in the reference column, missing ones included. */
    public long rowCount() {
        return rowCount;
    }

    /** Non-missing values. */
    public int count() {
        return sorted.length;
    }

    public long missingCount() {
        return rowCount - sorted.length;
    }

    /** Missing rows / all rows (NaN for an empty column). */
    public double missingShare() {
        return rowCount == 0 ? Double.NaN : (double) missingCount() / rowCount;
    }

    /** The non-missing values, ascending. Shared, do not modify. */
    public double[] sortedValues() {
        return sorted;
    }

    /** Unique values of numpy.quantile(values, [0.1 .. 0.9]); bins = edges.length + 1. */
    public double[] decileEdges() {
        return edges.clone();
    }

    public long[] binCounts() {
        return binCounts.clone();
    }

    public double[] binShares() {
        return Distances.shares(binCounts);
    }

    public double mean() {
        return mean;
    }

    /** Population standard deviation (numpy.std, ddof = 0). */
    public double std() {
        return std;
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    public double quantile(double q) {
        return SortedArrays.quantile(sorted, q);
    }

    public double p10() {
        return quantile(0.1);
    }

    public double p50() {
        return quantile(0.5);
    }

    public double p90() {
        return quantile(0.9);
    }

    /** Compact binary form for persistence; see {@link #fromBytes(byte[])}. */
    public byte[] toBytes() {
        int size = 4 + 4 + 8 + 8 + 8 + 4 + 4 + edges.length * 8 + binCounts.length * 8 + sorted.length * 8;
        ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(MAGIC).putInt(VERSION).putLong(rowCount).putDouble(mean).putDouble(std);
        buf.putInt(edges.length).putInt(sorted.length);
        for (double e : edges) {
            buf.putDouble(e);
        }
        for (long c : binCounts) {
            buf.putLong(c);
        }
        buf.asDoubleBuffer().put(sorted);
        return buf.array();
    }

    /** Inverse of {@link #toBytes()}; no recomputation beyond reading. */
    public static NumericReferenceProfile fromBytes(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a numeric reference profile");
        }
        int version = buf.getInt();
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported numeric profile version " + version);
        }
        long rowCount = buf.getLong();
        double mean = buf.getDouble();
        double std = buf.getDouble();
        int edgeCount = buf.getInt();
        int n = buf.getInt();
        double[] edges = new double[edgeCount];
        for (int i = 0; i < edgeCount; i++) {
            edges[i] = buf.getDouble();
        }
        long[] counts = new long[edgeCount + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = buf.getLong();
        }
        double[] sorted = new double[n];
        buf.asDoubleBuffer().get(sorted);
        return new NumericReferenceProfile(rowCount, sorted, edges, counts, mean, std);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericReferenceProfile other
                && rowCount == other.rowCount
                && Arrays.equals(sorted, other.sorted)
                && Arrays.equals(edges, other.edges)
                && Arrays.equals(binCounts, other.binCounts)
                && Double.compare(mean, other.mean) == 0
                && Double.compare(std, other.std) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rowCount) * 31 + Arrays.hashCode(edges);
    }
}
