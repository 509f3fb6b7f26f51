package io.modeltrust.performance;

import io.modeltrust.performance.metrics.MulticlassCalibration;
import io.modeltrust.performance.metrics.MulticlassEstimate;
import io.modeltrust.performance.profile.ReferenceBaseline;
import io.modeltrust.performance.rows.EvaluationRows;
import java.util.List;
import java.util.Locale;

/**
 * Whether a reference can calibrate a multiclass model's class scores (docs/metrics.md "Calibration", one
 * isotonic calibration per class, one-vs-rest), the estimate from them (docs/metrics.md "Multiclass
 * estimation"), and what the result says about the estimate either way.
 */
final class MulticlassEstimation {

    static final String ASSUMPTION = "estimated from class scores calibrated on the reference (isotonic, one "
            + "per class, renormalised); assumes the relation between features and outcome has not changed "
            + "since the reference";

    static final String NO_SCORES = "nothing is estimated: the model declares no class scores";

    static final String NO_SCORED_ROW = "nothing is estimated: no row of the batch has a prediction and every "
            + "class score";

    /**
     * @param calibration null when the reference cannot calibrate
     * @param note        why not, null when calibrated
     */
    record Fitted(MulticlassCalibration calibration, String note) {
    }

    private MulticlassEstimation() {
    }

    /**
     * Every class needs {@link ScoreCalibration#MIN_ROWS_PER_CLASS} labelled rows with every score: the
     * calibration of class c is fitted on c against the rest, and with fewer rows of c its ends are noise.
     */
    static Fitted fit(EvaluationRows reference, List<String> classes) {
        double[][] scores = reference.classScores();
        if (scores == null) {
            return new Fitted(null, NO_SCORES);
        }
        int k = classes.size();
        int[] truth = new int[reference.rows()];
        long[] counts = new long[k];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = reference.labelState()[i];
            if (truth[i] >= 0 && complete(scores, i)) {
                counts[truth[i]]++;
            }
        }
        StringBuilder tooFew = new StringBuilder();
        for (int c = 0; c < k; c++) {
            if (counts[c] < ScoreCalibration.MIN_ROWS_PER_CLASS) {
                tooFew.append(tooFew.isEmpty() ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%,d of class %s", counts[c], classes.get(c)));
            }
        }
        if (!tooFew.isEmpty()) {
            return new Fitted(null, String.format(Locale.ROOT, "nothing is estimated: the reference has fewer "
                    + "than %d labelled rows with scores of each class (%s), too few to calibrate the scores",
                    ScoreCalibration.MIN_ROWS_PER_CLASS, tooFew));
        }
        return new Fitted(MulticlassCalibration.fit(truth, scores), null);
    }

    /**
     * The estimate over the rows with a prediction (all, or only the labelled ones), from their scores as
     * the reference calibrates them; null without scores, without a calibration, or without such a row.
     */
    static MulticlassEstimate estimate(EvaluationRows r, MulticlassCalibration calibration, boolean labeledOnly) {
        double[][] scores = r.classScores();
        if (scores == null || calibration == null) {
            return null;
        }
        int[] idx = new int[r.rows()];
        int n = 0;
        for (int i = 0; i < r.rows(); i++) {
            if (r.predictedClass()[i] >= 0 && (!labeledOnly || r.isLabeled(i))) {
                idx[n++] = i;
            }
        }
        int[] predicted = new int[n];
        double[][] selected = new double[scores.length][n];
        for (int j = 0; j < n; j++) {
            predicted[j] = r.predictedClass()[idx[j]];
            for (int c = 0; c < scores.length; c++) {
                selected[c][j] = scores[c][idx[j]];
            }
        }
        return n == 0 ? null : MulticlassEstimate.estimate(predicted, calibration.calibrate(selected));
    }

    /** Why nothing is estimated, or the estimator's assumption. */
    static String note(EvaluationRows rows, ReferenceBaseline baseline, MulticlassEstimate all) {
        if (all != null) {
            return ASSUMPTION;
        }
        if (rows.classScores() == null) {
            return NO_SCORES;
        }
        if (baseline.classCalibration() == null) {
            return baseline.calibrationNote() != null ? baseline.calibrationNote()
                    : ScoreCalibration.UNCALIBRATED_BASELINE;
        }
        return NO_SCORED_ROW;
    }

    private static boolean complete(double[][] scores, int row) {
        for (double[] column : scores) {
            if (!Double.isFinite(column[row])) {
                return false;
            }
        }
        return true;
    }
}
