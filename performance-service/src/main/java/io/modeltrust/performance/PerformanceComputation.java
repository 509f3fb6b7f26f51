package io.modeltrust.performance;

import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.model.event.PerformanceResult.Change;
import io.modeltrust.model.event.ResultKind;
import io.modeltrust.performance.metrics.ClassificationMetrics;
import io.modeltrust.performance.metrics.EstimatedPerformance;
import io.modeltrust.performance.metrics.Interval;
import io.modeltrust.performance.metrics.MetricChange;
import io.modeltrust.performance.metrics.ReferenceSlices;
import io.modeltrust.performance.metrics.RegressionBootstrap;
import io.modeltrust.performance.metrics.RegressionMetrics;
import io.modeltrust.performance.metrics.SliceAnalysis;
import io.modeltrust.performance.metrics.SliceReport;
import io.modeltrust.performance.metrics.SliceStat;
import io.modeltrust.performance.profile.ReferenceBaseline;
import io.modeltrust.performance.rows.EvaluationRows;
import io.modeltrust.performance.rows.SliceSchema;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One revision of a batch's performance result from its evaluation rows and its reference baseline.
 * Plain Java: the math lives in {@code metrics}, this selects rows and maps to the event.
 */
public final class PerformanceComputation {

    public static final int SCHEMA_VERSION = 1;

    private PerformanceComputation() {
    }

    /**
     * Which result this is.
     *
     * @param labelsBatchId     labels batch that caused this revision, null for revision 1
     * @param newlyLabeledRows  rows that gained a label in this revision, null for revision 1
     * @param labelDelaySeconds mean delay of those labels, null when there are none
     * @param unmatchedLabels   ids of the labels batch that matched no stored prediction, null for revision 1
     * @param labelsCorrected   rows whose earlier label this revision replaced with another value, null for
     *                          revision 1
     */
    public record Revision(String eventId, String modelId, String batchId, int referenceVersion, int revision,
                           Instant computedAt, Instant at, String labelsBatchId, Long newlyLabeledRows,
                           Double labelDelaySeconds, Long unmatchedLabels, Long labelsCorrected) {
    }

    public static PerformanceResult compute(EvaluationRows rows, ReferenceBaseline baseline, Revision rev) {
        int labeled = rows.labeledRows();
        TaskFigures figures = switch (rows.task()) {
            case REGRESSION -> regression(rows, labeled);
            case MULTICLASS_CLASSIFICATION -> MulticlassComputation.figures(rows, baseline, labeled);
            case BINARY_CLASSIFICATION -> binary(rows, baseline, labeled);
        };
        Map<String, Double> metrics = finite(figures.metrics());
        Map<String, PerformanceResult.Interval> intervals = figures.intervals();
        Map<String, Double> estimated = figures.estimated();
        Map<String, Double> base = baseline.metrics() == null ? Map.of() : baseline.metrics();
        Map<String, Change> change = changes(metrics, base);
        // An estimate is compared with the reference's own estimate: both carry the same calibration error.
        Map<String, Double> baseEstimated = baseline.estimated();
        Map<String, Change> estimatedChange = estimated == null ? null
                : changes(estimated, baseEstimated == null ? Map.of() : baseEstimated);
        SliceReport report = headlineWorsened(rows.regression(), metrics, base)
                ? worstSlices(rows, baseline) : null;
        List<PerformanceResult.Slice> slices = report == null ? null : report.worst().stream()
                .map(f -> new PerformanceResult.Slice(f.feature(), f.slice(), f.batchRows(), f.batchValue(),
                        f.referenceRows(), f.referenceValue(), f.change())).toList();
        double coverage = rows.rows() == 0 ? 0.0 : (double) labeled / rows.rows();
        String explanation = Explanation.sentence(rows.task(), rows.rows(), labeled, coverage, metrics, base,
                intervals, new Explanation.Estimate(estimated, baseEstimated, figures.estimationNote()),
                report == null ? List.of() : report.worst());
        return new PerformanceResult(ResultKind.PERFORMANCE, SCHEMA_VERSION, rev.eventId(), rev.modelId(),
                rev.batchId(), rev.referenceVersion(), rev.revision(), rev.computedAt(), rev.at(), baseline.task(),
                rows.rows(), labeled, coverage, rev.labelDelaySeconds(), rev.unmatchedLabels(), metrics,
                figures.confusion(), base, change, estimated, estimatedChange, intervals, slices, explanation,
                rev.labelsBatchId(), rev.newlyLabeledRows(), figures.estimationError(),
                report == null ? null : report.summary(), figures.perClass(), rev.labelsCorrected(), baseEstimated,
                figures.estimationNote());
    }

    private static TaskFigures regression(EvaluationRows rows, int labeled) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, PerformanceResult.Interval> intervals = new LinkedHashMap<>();
        RegressionMetrics m = labeled == 0 ? null : Realised.regression(rows);
        if (m != null) {
            metrics.putAll(m.asMap());
            RegressionBootstrap.Intervals ci = RegressionBootstrap.intervals(Realised.regressionErrors(rows));
            putInterval(intervals, "mae", ci.mae());
            putInterval(intervals, "rmse", ci.rmse());
        }
        return new TaskFigures(metrics, intervals, null, null, null, null, null);
    }

    private static TaskFigures binary(EvaluationRows rows, ReferenceBaseline baseline, int labeled) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, PerformanceResult.Interval> intervals = new LinkedHashMap<>();
        PerformanceResult.ConfusionMatrix confusion = null;
        ClassificationMetrics m = labeled == 0 ? null : Realised.classification(rows);
        if (m != null) {
            metrics.putAll(m.asMap());
            confusion = new PerformanceResult.ConfusionMatrix(m.confusion().tp(), m.confusion().fp(),
                    m.confusion().tn(), m.confusion().fn());
            putInterval(intervals, "accuracy", m.accuracyInterval());
            putInterval(intervals, "rocAuc", m.rocAucInterval());
        }
        EstimatedPerformance all = Realised.estimate(rows, baseline.calibration(), false);
        EstimatedPerformance onLabeled = m == null ? null : Realised.estimate(rows, baseline.calibration(), true);
        return new TaskFigures(metrics, intervals, confusion, null, all == null ? null : finite(all.asMap()),
                onLabeled == null ? null : estimationError(metrics, onLabeled.asMap()),
                estimationNote(rows, baseline, all));
    }

    /** Realised − estimated for each estimated metric, both on the same labelled rows. */
    static Map<String, Change> estimationError(Map<String, Double> realised, Map<String, Double> estimatedOnLabeled) {
        Map<String, Double> realisedSame = new LinkedHashMap<>();
        for (String k : estimatedOnLabeled.keySet()) {
            realisedSame.put(k, realised.get(k));
        }
        return changes(realisedSame, estimatedOnLabeled);
    }

    /** Binary: why nothing is estimated, or the estimator's assumption. */
    private static String estimationNote(EvaluationRows rows, ReferenceBaseline baseline, EstimatedPerformance all) {
        if (all != null) {
            return ScoreCalibration.ASSUMPTION;
        }
        if (rows.score() == null) {
            return ScoreCalibration.NO_SCORE;
        }
        if (baseline.calibration() == null) {
            return baseline.calibrationNote() != null ? baseline.calibrationNote()
                    : ScoreCalibration.UNCALIBRATED_BASELINE;
        }
        return ScoreCalibration.NO_SCORED_ROW;
    }

    /** Slices are explained when the figure they are measured in, accuracy or MAE, is worse than the baseline. */
    static boolean headlineWorsened(boolean regression, Map<String, Double> metrics, Map<String, Double> base) {
        String key = regression ? "mae" : "accuracy";
        Double now = metrics.get(key);
        Double before = base.get(key);
        return now != null && before != null && (regression ? now > before : now < before);
    }

    private static SliceReport worstSlices(EvaluationRows rows, ReferenceBaseline baseline) {
        SliceSchema schema = baseline.schema();
        ReferenceSlices reference = baseline.slices();
        if (schema == null || reference == null || schema.size() == 0) {
            return null;
        }
        Set<String> hidden = new HashSet<>();
        for (int f = 0; f < schema.size(); f++) {
            String other = schema.otherSliceLabel(f);
            if (other != null) {
                hidden.add(other);
            }
        }
        List<SliceStat> comparable = reference.slices().stream().filter(s -> !hidden.contains(s.slice())).toList();
        return SliceAnalysis.worstSlices(Realised.sliceFeatures(rows, schema), Realised.outcome(rows),
                new ReferenceSlices(reference.metric(), comparable));
    }

    static Map<String, Change> changes(Map<String, Double> current, Map<String, Double> baseline) {
        Map<String, Change> out = new LinkedHashMap<>();
        for (MetricChange c : MetricChange.compare(current, baseline)) {
            if (Double.isFinite(c.absoluteChange())) {
                Double relative = c.relativeChange() == null || !Double.isFinite(c.relativeChange())
                        ? null : c.relativeChange();
                out.put(c.metric(), new Change(c.absoluteChange(), relative));
            }
        }
        return out;
    }

    static void putInterval(Map<String, PerformanceResult.Interval> out, String key, Interval i) {
        if (i != null && Double.isFinite(i.lower()) && Double.isFinite(i.upper())) {
            out.put(key, new PerformanceResult.Interval(i.lower(), i.upper(), i.method()));
        }
    }

    /** JSON has no NaN or infinity: such values are left out. */
    static Map<String, Double> finite(Map<String, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
