package io.modeltrust.performance.metrics;

/**
 * Neumaier-compensated running sum. numpy sums pairwise (error ~ log n·ε); a plain Java loop over a
 * million rows can drift to ~n·ε, so sums that end up in a reported metric go through this instead.
 */
final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double x) {
        double t = sum + x;
        compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }

    double value() {
        return sum + compensation;
    }
}
