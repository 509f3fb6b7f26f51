package io.modeltrust.performance.metrics;

import java.util.Arrays;

/**
 * Isotonic calibration of a score to P(positive), the same function as scikit-learn 1.2's
 * {@code IsotonicRegression(out_of_bounds='clip', y_min=0, y_max=1, increasing=True)} fitted on the
 * label (positive = 1) against the score (docs/metrics.md "Calibration"). The fitted function is only its
 * thresholds, so it is stored with the baseline as these two arrays.
 *
 * @param x ascending score thresholds ({@code X_thresholds_}); x[0] and x[last] are the fitted score range
 * @param y calibrated value at each threshold ({@code y_thresholds_}), non-decreasing, in [0, 1]
 */
public record IsotonicCalibration(double[] x, double[] y) {

    /**
     * scikit-learn merges scores closer than {@code np.finfo(float64).resolution} to the first score of
     * their group into one point: the same here, or such near-ties would give other thresholds.
     */
    static final double TIE_RESOLUTION = 1e-15;

    public IsotonicCalibration {
        if (x == null || y == null || x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("calibration needs as many thresholds as values, at least one");
        }
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("calibration thresholds are not ascending at " + i);
            }
        }
    }

    /**
     * Fits on the rows with a finite score; a NaN or infinite score is left out, as it cannot be placed.
     * O(n log n): the two classes' scores are sorted apart (a primitive sort) and merged, so a reference
     * of a million rows needs neither boxing nor an index sort.
     *
     * @throws IllegalArgumentException when no row has a finite score
     */
    public static IsotonicCalibration fit(double[] score, boolean[] positive) {
        if (score.length != positive.length) {
            throw new IllegalArgumentException("score and positive differ in length: " + score.length + " vs "
                    + positive.length);
        }
        double[] pos = new double[score.length];
        double[] neg = new double[score.length];
        int np = 0;
        int nn = 0;
        for (int i = 0; i < score.length; i++) {
            if (Double.isFinite(score[i])) {
                if (positive[i]) {
                    pos[np++] = score[i];
                } else {
                    neg[nn++] = score[i];
                }
            }
        }
        if (np + nn == 0) {
            throw new IllegalArgumentException("no row has a finite score to calibrate on");
        }
        pos = Arrays.copyOf(pos, np);
        neg = Arrays.copyOf(neg, nn);
        Arrays.sort(pos);
        Arrays.sort(neg);
        Points unique = mergeTies(neg, pos);
        PoolAdjacentViolators.fitInPlace(unique.y, unique.w, unique.n);
        return trimmed(unique);
    }

    /** The calibrated score; NaN stays NaN (no score), anything outside the fitted range is clipped to it. */
    public double calibrate(double s) {
        if (Double.isNaN(s)) {
            return Double.NaN;
        }
        int last = x.length - 1;
        if (s <= x[0]) {
            return y[0];
        }
        if (s >= x[last]) {
            return y[last];
        }
        // np.interp: the segment [x[j], x[j+1]) holding s, exact at a threshold.
        int j = Arrays.binarySearch(x, s);
        if (j >= 0) {
            return y[j];
        }
        j = -j - 2;
        double slope = (y[j + 1] - y[j]) / (x[j + 1] - x[j]);
        double v = slope * (s - x[j]) + y[j];
        if (Double.isNaN(v)) {
            v = slope * (s - x[j + 1]) + y[j + 1];
            if (Double.isNaN(v) && y[j] == y[j + 1]) {
                v = y[j];
            }
        }
        return v;
    }

    public double[] calibrate(double[] scores) {
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = calibrate(scores[i]);
        }
        return out;
    }

    /** Distinct scores with their mean label and row count, as scikit-learn's {@code _make_unique}. */
    private static Points mergeTies(double[] neg, double[] pos) {
        int total = neg.length + pos.length;
        Points p = new Points(total);
        int i = 0;
        int j = 0;
        double groupX = 0;
        double groupW = 0;
        double groupSum = 0;
        for (int k = 0; k < total; k++) {
            // Ascending score, a negative before a positive of the same score (lexsort by label, then score).
            boolean takeNeg = j == pos.length || (i < neg.length && neg[i] <= pos[j]);
            double s = takeNeg ? neg[i++] : pos[j++];
            double label = takeNeg ? 0.0 : 1.0;
            if (k > 0 && s - groupX >= TIE_RESOLUTION) {
                p.add(groupX, groupSum / groupW, groupW);
                groupW = 0;
                groupSum = 0;
            }
            if (groupW == 0) {
                groupX = s;
            }
            groupW += 1;
            groupSum += label;
        }
        p.add(groupX, groupSum / groupW, groupW);
        return p;
    }

    /**
     * Clipped to [0, 1] (y_min, y_max; a no-op for means of 0/1 labels, kept for equality with sklearn), and
     * without the inner points whose value equals both neighbours', which do not change the interpolation.
     */
    private static IsotonicCalibration trimmed(Points p) {
        double[] tx = new double[p.n];
        double[] ty = new double[p.n];
        int m = 0;
        for (int k = 0; k < p.n; k++) {
            p.y[k] = Math.min(1.0, Math.max(0.0, p.y[k]));
        }
        for (int k = 0; k < p.n; k++) {
            boolean inner = k > 0 && k < p.n - 1;
            if (!inner || p.y[k] != p.y[k - 1] || p.y[k] != p.y[k + 1]) {
                tx[m] = p.x[k];
                ty[m] = p.y[k];
                m++;
            }
        }
        return new IsotonicCalibration(Arrays.copyOf(tx, m), Arrays.copyOf(ty, m));
    }

    private static final class Points {
        final double[] x;
        final double[] y;
        final double[] w;
        int n;

        Points(int capacity) {
            x = new double[capacity];
            y = new double[capacity];
            w = new double[capacity];
        }

        void add(double px, double py, double pw) {
            x[n] = px;
            y[n] = py;
            w[n] = pw;
            n++;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsotonicCalibration c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "IsotonicCalibration[" + x.length + " thresholds over " + x[0] + ".." + x[x.length - 1] + "]";
    }
}
