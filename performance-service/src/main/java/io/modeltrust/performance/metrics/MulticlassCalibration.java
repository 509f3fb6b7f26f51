package io.modeltrust.performance.metrics;

import java.util.List;

/**
 * One-vs-rest calibration of a multiclass score matrix (docs/metrics.md "Calibration"): per class c, an
 * {@link IsotonicCalibration} of [label = c] on the score of c, fitted on the reference; a row's
 * calibrated scores are then divided by their sum so that they are one distribution again, as NannyML's
 * multiclass CBPE does.
 *
 * <p>A row whose calibrated scores are all 0 has no distribution to renormalise to; its scores become
 * NaN, so the estimate leaves it out as it leaves out a row without scores (guessing a uniform row would
 * put a made-up figure in the estimate).
 *
 * @param perClass one calibration per class, in the model's declared class order
 */
public record MulticlassCalibration(List<IsotonicCalibration> perClass) {

    public MulticlassCalibration {
        if (perClass == null || perClass.isEmpty()) {
            throw new IllegalArgumentException("a multiclass calibration needs one calibration per class");
        }
        perClass = List.copyOf(perClass);
    }

    /**
     * Fits on the rows with a label and every score (NaN in any class leaves the row out, so that every
     * class is calibrated on the same rows).
     *
     * @param truth         label code per row, −1 = no label
     * @param scoresByClass [class][row]
     * @throws IllegalArgumentException when no row has a label and every score
     */
    public static MulticlassCalibration fit(int[] truth, double[][] scoresByClass) {
        int k = scoresByClass.length;
        int[] rows = complete(truth, scoresByClass);
        if (rows.length == 0) {
            throw new IllegalArgumentException("no labelled row has every score to calibrate on");
        }
        IsotonicCalibration[] out = new IsotonicCalibration[k];
        // One-vs-rest fits are independent of each other: the classes share the cores.
        java.util.stream.IntStream.range(0, k).parallel().forEach(c -> {
            double[] score = new double[rows.length];
            boolean[] positive = new boolean[rows.length];
            for (int j = 0; j < rows.length; j++) {
                score[j] = scoresByClass[c][rows[j]];
                positive[j] = truth[rows[j]] == c;
            }
            out[c] = IsotonicCalibration.fit(score, positive);
        });
        return new MulticlassCalibration(List.of(out));
    }

    public int classes() {
        return perClass.size();
    }

    /**
     * Calibrated, renormalised scores [class][row]; NaN for a row with a NaN score or whose calibrated
     * scores sum to 0.
     */
    public double[][] calibrate(double[][] scoresByClass) {
        int k = perClass.size();
        if (scoresByClass.length != k) {
            throw new IllegalArgumentException(scoresByClass.length + " score columns for " + k + " calibrations");
        }
        int n = scoresByClass[0].length;
        double[][] out = new double[k][n];
        java.util.stream.IntStream.range(0, k).parallel()
                .forEach(c -> out[c] = perClass.get(c).calibrate(scoresByClass[c]));
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += out[c][i];
            }
            // NaN propagates through the sum: a row missing any score is missing all of them.
            boolean usable = sum > 0;
            for (int c = 0; c < k; c++) {
                out[c][i] = usable ? out[c][i] / sum : Double.NaN;
            }
        }
        return out;
    }

    /** Row indices with a label and no NaN (or infinite) score. */
    private static int[] complete(int[] truth, double[][] scoresByClass) {
        int[] rows = new int[truth.length];
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean ok = truth[i] >= 0;
            for (int c = 0; ok && c < scoresByClass.length; c++) {
                ok = Double.isFinite(scoresByClass[c][i]);
            }
            if (ok) {
                rows[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(rows, n);
    }
}
