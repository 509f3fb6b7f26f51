package io.modeltrust.stats;

/**
 * Neumaier-compensated running sum. numpy sums pairwise (error ~ log n·ε); a plain Java loop over a
 * million rows can drift to ~n·ε, so sums that end up in a reported statistic go through this instead:
 * a million terms stay within an ulp or two of the exact sum.
 */
public final class CompensatedSum {

    private double sum;
    private double compensation;

    public CompensatedSum add(double x) {
        double t = sum + x;
        compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
        return this;
    }

    public CompensatedSum addAll(double[] values) {
        for (double v : values) {
            add(v);
        }
        return this;
    }

    public double value() {
        return sum + compensation;
    }
}
