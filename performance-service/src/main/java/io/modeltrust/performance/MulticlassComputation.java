package io.modeltrust.performance;

import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.model.event.PerformanceResult.ClassFigures;
import io.modeltrust.performance.metrics.MulticlassEstimate;
import io.modeltrust.performance.metrics.MulticlassMetrics;
import io.modeltrust.performance.profile.ReferenceBaseline;
import io.modeltrust.performance.rows.EvaluationRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multiclass part of a result (docs/api.md "Multiclass performance results"): realised metrics,
 * per-class figures and the k×k confusion matrix in the model's declared class order, the intervals of
 * accuracy and macro F1, and the estimate from calibrated class scores.
 *
 * <p>A row without a prediction cannot be placed in the confusion matrix: it is left out of every
 * figure (it still counts in {@code rows}, and in {@code labeledRows} when it has a label).
 */
final class MulticlassComputation {

    private MulticlassComputation() {
    }

    static TaskFigures figures(EvaluationRows rows, ReferenceBaseline baseline, int labeled) {
        List<String> classes = classes(baseline);
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, PerformanceResult.Interval> intervals = new LinkedHashMap<>();
        PerformanceResult.ConfusionMatrix confusion = null;
        Map<String, ClassFigures> perClass = null;
        MulticlassMetrics m = labeled == 0 ? null : realised(rows, classes.size());
        if (m != null) {
            metrics.putAll(m.asMap());
            PerformanceComputation.putInterval(intervals, "accuracy", m.accuracyInterval());
            PerformanceComputation.putInterval(intervals, "macroF1", m.macroF1Interval());
            confusion = PerformanceResult.ConfusionMatrix.multiclass(classes, m.confusionMatrix());
            perClass = perClass(classes, m);
        }
        MulticlassEstimate all = MulticlassEstimation.estimate(rows, baseline.classCalibration(), false);
        MulticlassEstimate onLabeled = m == null ? null
                : MulticlassEstimation.estimate(rows, baseline.classCalibration(), true);
        return new TaskFigures(metrics, intervals, confusion, perClass,
                all == null ? null : PerformanceComputation.finite(all.asMap()),
                onLabeled == null ? null : PerformanceComputation.estimationError(metrics, onLabeled.asMap()),
                MulticlassEstimation.note(rows, baseline, all));
    }

    /**
     * Realised metrics over the labelled rows with a prediction; null when there is none.
     *
     * @param k the model's class count
     */
    static MulticlassMetrics realised(EvaluationRows r, int k) {
        int n = r.rows();
        int[] truth = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            int p = r.predictedClass()[i];
            // Without a prediction the row is treated as unlabelled: MulticlassMetrics skips truth −1.
            truth[i] = p < 0 ? EvaluationRows.UNKNOWN : r.labelState()[i];
            predicted[i] = Math.max(p, 0);
        }
        return MulticlassMetrics.compute(k, truth, predicted, r.classScores());
    }

    /** Per row 1 where the prediction is the label, 0 where it is another class, NaN without either. */
    static double[] correctness(EvaluationRows r) {
        double[] out = new double[r.rows()];
        for (int i = 0; i < out.length; i++) {
            byte p = r.predictedClass()[i];
            out[i] = !r.isLabeled(i) || p < 0 ? Double.NaN : p == r.labelState()[i] ? 1.0 : 0.0;
        }
        return out;
    }

    private static Map<String, ClassFigures> perClass(List<String> classes, MulticlassMetrics m) {
        Map<String, ClassFigures> out = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            out.put(classes.get(c), new ClassFigures(m.precision()[c], m.recall()[c], m.f1()[c], m.support()[c]));
        }
        return out;
    }

    private static List<String> classes(ReferenceBaseline baseline) {
        if (baseline.classes() == null || baseline.classes().isEmpty()) {
            throw new IllegalStateException("the baseline of reference v" + baseline.referenceVersion() + " of "
                    + baseline.modelId() + " is not a multiclass baseline (task " + baseline.task() + ")");
        }
        return baseline.classes();
    }
}
