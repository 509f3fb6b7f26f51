package io.modeltrust.performance.metrics;

/**
 * Percentiles as numpy 1.24 {@code numpy.percentile(a, q)} with its default method "linear" (Hyndman &amp; Fan
 * type 7), operation for operation so that both give the same double.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param sorted  values in ascending order, no NaN, at least one
     * @param percent in [0, 100], as numpy takes it
     */
    public static double linear(double[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must lie in [0, 100]: " + percent);
        }
        int n = sorted.length;
        double q = percent / 100;
        double h = (n - 1) * q;
        if (h >= n - 1) {
            return sorted[n - 1];
        }
        int below = (int) Math.floor(h);
        double a = sorted[below];
        double b = sorted[below + 1];
        double gamma = h - below;
        double diff = b - a;
        // numpy's _lerp interpolates from the nearer end, which keeps the result within [a, b] after rounding.
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
