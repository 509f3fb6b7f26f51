package io.modeltrust.drift.stats;

import io.modeltrust.stats.CompensatedSum;
import java.util.Arrays;

/**
 * Helpers over ascending, NaN-free double arrays. Comparisons use the primitive operators (as numpy
 * does), so -0.0 and 0.0 are equal; {@link Arrays#binarySearch(double[], double)} is deliberately
 * not used because it orders -0.0 before 0.0.
 */
public final class SortedArrays {

    private SortedArrays() {
    }

    /** Copy of the non-NaN values of {@code values}, sorted ascending. */
    public static double[] sortedWithoutNaN(double[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        double[] trimmed = n == out.length ? out : Arrays.copyOf(out, n);
        Arrays.sort(trimmed);
        return trimmed;
    }

    /** Number of elements {@code <= x}: numpy {@code searchsorted(sorted, x, side='right')}. */
    public static int countAtMost(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of elements {@code < x}: numpy {@code searchsorted(sorted, x, side='left')}. */
    public static int countBelow(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * numpy {@code quantile(a, q)} with the default 'linear' method, reproducing numpy 1.24's
     * index arithmetic and its two-sided lerp so that edges that coincide with data values come
     * out bit-identical (bin membership depends on it).
     */
    public static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double virtual = (n - 1) * q;
        if (virtual >= n - 1) {
            return sorted[n - 1];
        }
        if (virtual < 0) {
            return sorted[0];
        }
        double previous = Math.floor(virtual);
        int lo = (int) previous;
        double gamma = virtual - previous;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double diff = b - a;
        if (gamma >= 0.5) {
            return b - diff * (1 - gamma);
        }
        return a + diff * gamma;
    }

    /**
     * Unique values of {@code numpy.quantile(sorted, [0.1, ..., 0.9])}, the probabilities being
     * {@code numpy.arange(1, 10) / 10}.
     */
    public static double[] decileEdges(double[] sorted) {
        if (sorted.length == 0) {
            return new double[0];
        }
        double[] edges = new double[9];
        int k = 0;
        for (int i = 1; i <= 9; i++) {
            double e = quantile(sorted, i / 10.0);
            // quantiles of sorted data are non-decreasing, so uniqueness is a neighbour check
            if (k == 0 || e != edges[k - 1]) {
                edges[k++] = e;
            }
        }
        return Arrays.copyOf(edges, k);
    }

    /**
     * Counts per bin where value x falls in bin {@code searchsorted(edges, x, side='left')}, i.e.
     * bin b holds edges[b-1] < x <= edges[b]; there are edges.length + 1 bins.
     */
    public static long[] binCounts(double[] sorted, double[] edges) {
        long[] counts = new long[edges.length + 1];
        int previous = 0;
        for (int b = 0; b < edges.length; b++) {
            int upTo = countAtMost(sorted, edges[b]);
            counts[b] = upTo - previous;
            previous = upTo;
        }
        counts[edges.length] = sorted.length - previous;
        return counts;
    }

    /** Arithmetic mean with compensated summation (numpy's pairwise sum is within a few ulp). */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        return new CompensatedSum().addAll(values).value() / values.length;
    }

    /** Population standard deviation, numpy {@code std(a)} (ddof = 0), two-pass. */
    public static double populationStd(double[] values, double mean) {
        if (values.length == 0) {
            return Double.NaN;
        }
        CompensatedSum s = new CompensatedSum();
        for (double v : values) {
            double d = v - mean;
            s.add(d * d);
        }
        return Math.sqrt(s.value() / values.length);
    }
}
