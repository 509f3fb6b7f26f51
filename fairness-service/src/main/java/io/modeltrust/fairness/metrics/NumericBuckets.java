package io.modeltrust.fairness.metrics;

import java.math.BigDecimal;

/**
 * Turns a numeric sensitive attribute into groups by configured edges.
 *
 * <p>Edges e0 < e1 < ... < e(k-1) give k+1 groups, each closed on its lower edge and open on its
 * upper edge: {@code "<e0"} holds x < e0, {@code "e(i)-e(i+1)"} holds e(i) <= x < e(i+1), and
 * {@code ">=e(k-1)"} holds x >= e(k-1) (numpy {@code searchsorted(edges, x, side='right')}).
 * Edges [25, 35, 50] give "<25", "25-35", "35-50", ">=50"; a value of exactly 35 is in "35-50".
 * Edges are written in plain decimal notation with the shortest digits that identify the double,
 * without exponent and without trailing zeros ("25", "2.5", "0.001"). NaN is a missing value.
 */
public final class NumericBuckets {

    private NumericBuckets() {
    }

    public static CategoricalAttribute bucketize(String name, double[] values, double[] edges) {
        String[] labels = labels(edges);
        int[] codes = new int[values.length];
        int k = edges.length;
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (Double.isNaN(x)) {
                codes[i] = -1;
                continue;
            }
            // count of edges <= x, by binary search (edges are few, but configs may bring many)
            int lo = 0;
            int hi = k;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (edges[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            codes[i] = lo;
        }
        return new CategoricalAttribute(name, labels, codes);
    }

    /** Group labels for the given edges, in ascending order of value. */
    public static String[] labels(double[] edges) {
        if (edges.length == 0) {
            throw new IllegalArgumentException("at least one bucket edge is needed");
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
                throw new IllegalArgumentException("bucket edges must be finite and strictly increasing");
            }
        }
        int k = edges.length;
        String[] labels = new String[k + 1];
        labels[0] = "<" + formatEdge(edges[0]);
        for (int i = 1; i < k; i++) {
            labels[i] = formatEdge(edges[i - 1]) + "-" + formatEdge(edges[i]);
        }
        labels[k] = ">=" + formatEdge(edges[k - 1]);
        return labels;
    }

    /** Plain shortest decimal form of an edge: 25.0 -> "25", 2.5 -> "2.5", 1e-3 -> "0.001", -0.0 -> "0". */
    public static String formatEdge(double edge) {
        if (edge == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(edge)).stripTrailingZeros().toPlainString();
    }
}
