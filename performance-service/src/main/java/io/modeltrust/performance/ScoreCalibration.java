package io.modeltrust.performance;

import io.modeltrust.performance.metrics.IsotonicCalibration;
import io.modeltrust.performance.rows.EvaluationRows;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether a reference can calibrate the scores the estimate is made from (docs/metrics.md "Calibration"), and
 * what the result says about the estimate either way.
 */
final class ScoreCalibration {

    /**
     * Below this many labelled rows with a score in either class the isotonic fit is mostly noise at the
     * ends of the score range, and the estimate would look precise while being wrong: none is made.
     */
    static final int MIN_ROWS_PER_CLASS = 100;

    /** CBPE's known limit, stated on every estimate. */
    static final String ASSUMPTION = "estimated from scores calibrated on the reference (isotonic); assumes the "
            + "relation between features and outcome has not changed since the reference";

    static final String NO_SCORE = "nothing is estimated: the model has no score";

    static final String NO_SCORED_ROW = "nothing is estimated: no row of the batch has a score";

    /** A baseline stored before calibration existed has neither a calibration nor a note. */
    static final String UNCALIBRATED_BASELINE = "nothing is estimated: the baseline of this reference has no "
            + "score calibration; send the reference again to compute one";

    /**
     * @param calibration null when the reference cannot calibrate
     * @param note        why not, null for regression or when calibrated
     */
    record Fitted(IsotonicCalibration calibration, String note) {
    }

    private ScoreCalibration() {
    }

    /**
     * @param positiveClass the model's positive class, named in the note
     * @param classes       the model's classes when declared, for naming the other class; may be empty
     */
    static Fitted fit(EvaluationRows reference, String positiveClass, List<String> classes) {
        if (reference.regression()) {
            return new Fitted(null, null);
        }
        if (reference.score() == null) {
            return new Fitted(null, NO_SCORE);
        }
        int n = reference.rows();
        double[] score = new double[n];
        boolean[] positive = new boolean[n];
        int m = 0;
        long positives = 0;
        for (int i = 0; i < n; i++) {
            double s = reference.score()[i];
            if (reference.isLabeled(i) && Double.isFinite(s)) {
                score[m] = s;
                positive[m] = reference.labelState()[i] == 1;
                positives += positive[m] ? 1 : 0;
                m++;
            }
        }
        long negatives = m - positives;
        if (positives < MIN_ROWS_PER_CLASS || negatives < MIN_ROWS_PER_CLASS) {
            return new Fitted(null, tooFew(positives, negatives, positiveClass, otherClass(positiveClass, classes)));
        }
        return new Fitted(IsotonicCalibration.fit(Arrays.copyOf(score, m),
                Arrays.copyOf(positive, m)), null);
    }

    private static String tooFew(long positives, long negatives, String positiveClass, String otherClass) {
        StringBuilder counts = new StringBuilder();
        if (positives < MIN_ROWS_PER_CLASS) {
            counts.append(String.format(Locale.ROOT, "%,d of class %s", positives, positiveClass));
        }
        if (negatives < MIN_ROWS_PER_CLASS) {
            counts.append(counts.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%,d of %s", negatives, otherClass));
        }
        return String.format(Locale.ROOT, "nothing is estimated: the reference has fewer than %d labelled rows "
                + "of each class with a score (%s), too few to calibrate the scores", MIN_ROWS_PER_CLASS, counts);
    }

    private static String otherClass(String positiveClass, List<String> classes) {
        if (classes.size() == 2 && classes.contains(positiveClass)) {
            return "class " + (classes.get(0).equals(positiveClass) ? classes.get(1) : classes.get(0));
        }
        return "the other class";
    }
}
