package io.modeltrust.performance.metrics;

import java.util.Arrays;

/**
 * Reference bin edges as docs/metrics.md defines them for numeric features: the unique values of
 * {@code numpy.quantile(R, [0.1, 0.2, ..., 0.9])} (method 'linear', numpy 1.24 arithmetic) over the
 * non-NaN reference values.
 */
public final class DecileEdges {

    private static final double[] LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private DecileEdges() {
    }

    /** @return sorted distinct edges; empty when the reference has no non-NaN value */
    public static double[] of(double[] reference) {
        int n = 0;
        double[] sorted = new double[reference.length];
        for (double v : reference) {
            if (!Double.isNaN(v)) {
                sorted[n++] = v;
            }
        }
        if (n == 0) {
            return new double[0];
        }
        sorted = Arrays.copyOf(sorted, n);
        Arrays.sort(sorted);
        double[] edges = new double[LEVELS.length];
        int m = 0;
        for (double q : LEVELS) {
            double e = quantile(sorted, q);
            if (m == 0 || e != edges[m - 1]) {
                edges[m++] = e;
            }
        }
        return Arrays.copyOf(edges, m);
    }

    /** numpy's _quantile for 'linear' including its _lerp, which interpolates from the nearer end. */
    static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        double virtual = (n - 1) * q;
        double previous = Math.floor(virtual);
        int lo = (int) previous;
        int hi = Math.min(lo + 1, n - 1);
        double gamma = virtual - previous;
        double a = sorted[lo];
        double b = sorted[hi];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
