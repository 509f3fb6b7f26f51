package io.modeltrust.drift.stats;

/** Neumaier summation: sums of a million terms stay within an ulp or two of the exact sum. */
final class CompensatedSum {

    private double sum;
    private double compensation;

    CompensatedSum add(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
        return this;
    }

    CompensatedSum addAll(double[] values) {
        for (double v : values) {
            add(v);
        }
        return this;
    }

    double value() {
        return sum + compensation;
    }
}
