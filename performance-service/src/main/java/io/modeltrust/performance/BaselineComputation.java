package io.modeltrust.performance;

import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.performance.metrics.EstimatedPerformance;
import io.modeltrust.performance.metrics.MulticlassEstimate;
import io.modeltrust.performance.metrics.MulticlassMetrics;
import io.modeltrust.performance.metrics.ReferenceSlices;
import io.modeltrust.performance.metrics.RegressionMetrics;
import io.modeltrust.performance.metrics.SliceAnalysis;
import io.modeltrust.performance.metrics.SliceFeature;
import io.modeltrust.performance.metrics.SliceMetric;
import io.modeltrust.performance.profile.ReferenceBaseline;
import io.modeltrust.performance.rows.BatchColumns;
import io.modeltrust.performance.rows.EvaluationRows;
import io.modeltrust.performance.rows.SliceSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline of a reference: realised metrics on its labelled rows, the slice schema (decile edges,
 * frequent categories), the accuracy or MAE of every reference slice a batch can be compared on, and the
 * score calibration (multiclass: one per class, with the declared classes) with the reference's own
 * estimate, so estimates are compared with an estimate.
 */
public final class BaselineComputation {

    private BaselineComputation() {
    }

    public static ReferenceBaseline of(AssembledBatch reference) {
        BatchColumns.requireUsable(reference.header().model());
        List<String> names = BatchColumns.featureNames(reference);
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(reference.column(name).orElseThrow());
        }
        SliceSchema schema = SliceSchema.ofReference(names, columns);
        EvaluationRows rows = BatchColumns.of(reference, schema, false);
        Map<String, Double> metrics = new LinkedHashMap<>();
        int labeled = rows.labeledRows();
        ReferenceSlices slices = null;
        if (labeled > 0) {
            metrics.putAll(realised(rows, reference.header().model().classesOrEmpty()));
            slices = comparable(schema, SliceAnalysis.profile(fullResolution(schema, columns), rows.regression()
                    ? SliceMetric.MAE : SliceMetric.ACCURACY, Realised.outcome(rows)));
        }
        ModelSpec spec = reference.header().model();
        if (rows.multiclass()) {
            List<String> classes = spec.classesOrEmpty();
            MulticlassEstimation.Fitted fitted = MulticlassEstimation.fit(rows, classes);
            MulticlassEstimate estimated = MulticlassEstimation.estimate(rows, fitted.calibration(), false);
            return new ReferenceBaseline(reference.modelId(), reference.header().referenceVersion(),
                    spec.task().wire(), reference.rows(), labeled, PerformanceComputation.finite(metrics), schema,
                    slices, null, estimated == null ? null : PerformanceComputation.finite(estimated.asMap()),
                    fitted.note(), List.copyOf(classes), fitted.calibration());
        }
        ScoreCalibration.Fitted fitted = ScoreCalibration.fit(rows, spec.positiveClass(), spec.classesOrEmpty());
        EstimatedPerformance estimated = Realised.estimate(rows, fitted.calibration(), false);
        return new ReferenceBaseline(reference.modelId(), reference.header().referenceVersion(),
                spec.task().wire(), reference.rows(), labeled, PerformanceComputation.finite(metrics),
                schema, slices, fitted.calibration(),
                estimated == null ? null : PerformanceComputation.finite(estimated.asMap()), fitted.note());
    }

    /** Realised metrics of the labelled reference rows by docs/metrics.md name; empty when there are none. */
    private static Map<String, Double> realised(EvaluationRows rows, List<String> classes) {
        if (rows.regression()) {
            RegressionMetrics m = Realised.regression(rows);
            return m == null ? Map.of() : m.asMap();
        }
        if (rows.multiclass()) {
            MulticlassMetrics m = MulticlassComputation.realised(rows, classes.size());
            return m == null ? Map.of() : m.asMap();
        }
        return Realised.classification(rows).asMap();
    }

    /**
     * Only the slices a batch can be compared on. A batch's categories beyond the schema's most frequent
     * ones fall in one "other" slice that is never reported, so the reference's slices of those
     * categories would never be read; and for a column of free text they would keep every reference value
     * with that row's outcome.
     */
    private static ReferenceSlices comparable(SliceSchema schema, ReferenceSlices all) {
        Set<String> labels = new HashSet<>();
        for (int f = 0; f < schema.size(); f++) {
            String feature = schema.columns().get(f).name();
            for (String label : schema.decode(f, new byte[0]).sliceLabels()) {
                labels.add(feature + '\n' + label);
            }
        }
        return new ReferenceSlices(all.metric(),
                all.slices().stream().filter(s -> labels.contains(s.feature() + '\n' + s.slice())).toList());
    }

    /** Reference features as they are, not coded: every category of the reference gets its own slice. */
    private static List<SliceFeature> fullResolution(SliceSchema schema, List<Column> columns) {
        List<SliceFeature> out = new ArrayList<>();
        for (int f = 0; f < schema.size(); f++) {
            SliceSchema.SliceColumn s = schema.columns().get(f);
            Column c = columns.get(f);
            if (s.numeric()) {
                out.add(new SliceFeature.Numeric(s.name(), ((NumericColumn) c).values(), s.edges()));
            } else {
                CategoricalColumn cat = (CategoricalColumn) c;
                out.add(new SliceFeature.Categorical(s.name(), cat.codes(), cat.dictionary()));
            }
        }
        return out;
    }
}
