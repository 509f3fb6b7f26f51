package io.modeltrust.performance.metrics;

/** The per-slice figure compared between batch and reference. */
public enum SliceMetric {
    /** Share of correct predictions; outcome per row 1 = correct, 0 = wrong. Worse = lower. */
    ACCURACY,
    /** Mean absolute error; outcome per row |y − ŷ|, NaN = missing. Worse = higher. */
    MAE;

    /** Positive when the batch value is worse than the reference value. */
    double worsening(double batch, double reference) {
        return this == ACCURACY ? reference - batch : batch - reference;
    }
}
