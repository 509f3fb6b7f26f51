package io.modeltrust.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The performance service's result for one production batch (docs/api.md "performance"). Revision
 * 1 is published when the batch arrives; each labels batch that adds labels to it publishes the
 * next revision with the realised metrics recomputed on every label known so far.
 *
 * <p>Fields added after the first contract (all optional): {@code labelsBatchId} the labels batch that
 * produced this revision (null for revision 1); {@code newlyLabeledRows} rows that gained a label in
 * this revision ({@code labelDelaySeconds} is the mean delay over exactly these rows);
 * {@code estimationError} realised minus estimated (confidence-based, computed on the same labelled
 * rows), keyed like {@code estimated}, so the estimator can be judged once labels arrive;
 * {@code sliceSummary} one sentence about the worst slice; {@code perClass} per-class figures of a
 * multiclass model; {@code labelsCorrected} rows whose earlier label this revision replaced;
 * {@code baselineEstimated} the estimate on the reference itself, what {@code estimated} is compared
 * with; {@code estimationNote} why nothing is estimated, or the estimator's assumption.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PerformanceResult(
        String kind,
        int schemaVersion,
        String eventId,
        String modelId,
        String batchId,
        int referenceVersion,
        int revision,
        Instant computedAt,
        Instant at,
        String task,
        long rows,
        long labeledRows,
        double labelCoverage,
        Double labelDelaySeconds,
        Long unmatchedLabels,
        Map<String, Double> metrics,
        ConfusionMatrix confusionMatrix,
        Map<String, Double> baseline,
        Map<String, Change> change,
        Map<String, Double> estimated,
        Map<String, Change> estimatedChange,
        Map<String, Interval> intervals,
        List<Slice> slices,
        String explanation,
        String labelsBatchId,
        Long newlyLabeledRows,
        Map<String, Change> estimationError,
        String sliceSummary,
        Map<String, ClassFigures> perClass,
        Long labelsCorrected,
        Map<String, Double> baselineEstimated,
        String estimationNote) {

    /**
     * Binary: {@code tp, fp, tn, fn}. Multiclass: {@code labels} (the model's classes) and {@code matrix},
     * rows the true class and columns the predicted one, both in the order of {@code labels}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConfusionMatrix(Long tp, Long fp, Long tn, Long fn, List<String> labels, long[][] matrix) {

        public ConfusionMatrix(long tp, long fp, long tn, long fn) {
            this(Long.valueOf(tp), Long.valueOf(fp), Long.valueOf(tn), Long.valueOf(fn), null, null);
        }

        public static ConfusionMatrix multiclass(List<String> labels, long[][] matrix) {
            return new ConfusionMatrix(null, null, null, null, labels, matrix);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ConfusionMatrix c && java.util.Objects.equals(tp, c.tp)
                    && java.util.Objects.equals(fp, c.fp) && java.util.Objects.equals(tn, c.tn)
                    && java.util.Objects.equals(fn, c.fn) && java.util.Objects.equals(labels, c.labels)
                    && java.util.Arrays.deepEquals(matrix, c.matrix);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(tp, fp, tn, fn, labels, java.util.Arrays.deepHashCode(matrix));
        }
    }

    /** One class of a multiclass model: scikit-learn's precision_recall_fscore_support(average=None). */
    public record ClassFigures(double precision, double recall, double f1, long support) {
    }

    /** Current minus baseline, and that as a share of |baseline| (null when the baseline is 0). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(double absolute, Double relative) {
    }

    public record Interval(double low, double high, String method) {
    }

    /** A slice whose accuracy (regression: MAE) worsened against the same slice of the reference. */
    public record Slice(String feature, String slice, long rows, double value, long referenceRows,
                        double referenceValue, double change) {
    }
}
