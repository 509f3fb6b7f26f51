package io.modeltrust.performance;

import io.modeltrust.performance.metrics.ClassificationMetrics;
import io.modeltrust.performance.metrics.EstimatedPerformance;
import io.modeltrust.performance.metrics.IsotonicCalibration;
import io.modeltrust.performance.metrics.RegressionMetrics;
import io.modeltrust.performance.metrics.SliceFeature;
import io.modeltrust.performance.rows.EvaluationRows;
import io.modeltrust.performance.rows.SliceSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The metrics engine applied to the labelled rows of evaluation rows. */
final class Realised {

    private Realised() {
    }

    /** Binary classification metrics over the labelled rows, or null when none is labelled. */
    static ClassificationMetrics classification(EvaluationRows r) {
        int[] idx = labeledIndex(r);
        if (idx.length == 0) {
            return null;
        }
        boolean[] actual = new boolean[idx.length];
        boolean[] predicted = new boolean[idx.length];
        double[] score = r.score() == null ? null : new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            int i = idx[k];
            actual[k] = r.labelState()[i] == 1;
            predicted[k] = r.predictedPositive()[i];
            if (score != null) {
                score[k] = r.score()[i];
            }
        }
        return ClassificationMetrics.compute(actual, predicted, score);
    }

    /** Regression metrics over rows with a label and a prediction, or null when there is none. */
    static RegressionMetrics regression(EvaluationRows r) {
        int[] idx = labeledIndex(r);
        double[] actual = new double[idx.length];
        double[] predicted = new double[idx.length];
        int usable = 0;
        for (int k = 0; k < idx.length; k++) {
            actual[k] = r.labelValue()[idx[k]];
            predicted[k] = r.predicted()[idx[k]];
            usable += Double.isNaN(predicted[k]) ? 0 : 1;
        }
        return usable == 0 ? null : RegressionMetrics.compute(actual, predicted);
    }

    /** Predicted − actual over the rows {@link #regression} uses, in row order, for the bootstrap. */
    static double[] regressionErrors(EvaluationRows r) {
        int[] idx = labeledIndex(r);
        double[] out = new double[idx.length];
        int n = 0;
        for (int i : idx) {
            double y = r.labelValue()[i];
            double p = r.predicted()[i];
            if (!Double.isNaN(y) && !Double.isNaN(p)) {
                out[n++] = p - y;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Confidence-based estimate from the scores as the reference calibrates them, over all rows or only the
     * labelled ones; null without a calibration, without a score, or when no row has one.
     */
    static EstimatedPerformance estimate(EvaluationRows r, IsotonicCalibration calibration, boolean labeledOnly) {
        if (r.regression() || r.score() == null || calibration == null) {
            return null;
        }
        boolean[] predicted = r.predictedPositive();
        double[] score = r.score();
        if (labeledOnly) {
            int[] idx = labeledIndex(r);
            predicted = new boolean[idx.length];
            score = new double[idx.length];
            for (int k = 0; k < idx.length; k++) {
                predicted[k] = r.predictedPositive()[idx[k]];
                score[k] = r.score()[idx[k]];
            }
        }
        // Calibrated scores lie in [0, 1] whatever the raw ones were (log-odds too).
        return EstimatedPerformance.estimate(predicted, calibration.calibrate(score));
    }

    /** Per row: 1/0 correct (classification) or |y − ŷ| (regression); NaN where there is no label. */
    static double[] outcome(EvaluationRows r) {
        if (r.multiclass()) {
            return MulticlassComputation.correctness(r);
        }
        double[] out = new double[r.rows()];
        for (int i = 0; i < out.length; i++) {
            if (!r.isLabeled(i)) {
                out[i] = Double.NaN;
            } else if (r.regression()) {
                out[i] = Math.abs(r.predicted()[i] - r.labelValue()[i]);
            } else {
                out[i] = (r.labelState()[i] == 1) == r.predictedPositive()[i] ? 1.0 : 0.0;
            }
        }
        return out;
    }

    static List<SliceFeature> sliceFeatures(EvaluationRows r, SliceSchema schema) {
        List<SliceFeature> out = new ArrayList<>(schema.size());
        for (int f = 0; f < schema.size(); f++) {
            out.add(schema.decode(f, r.sliceCodes()[f]));
        }
        return out;
    }

    private static int[] labeledIndex(EvaluationRows r) {
        int[] idx = new int[r.rows()];
        int n = 0;
        for (int i = 0; i < r.rows(); i++) {
            if (r.isLabeled(i)) {
                idx[n++] = i;
            }
        }
        return Arrays.copyOf(idx, n);
    }
}
