package io.modeltrust.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.model.Json;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.modeltrust.performance.profile.ReferenceBaseline;
import io.modeltrust.performance.rows.BatchColumns;
import io.modeltrust.performance.rows.EvaluationRows;
import io.modeltrust.performance.rows.RowCodec;
import io.modeltrust.performance.rows.SliceSchema;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Baseline and result mapping without Kafka or a database. */
class ComputationTest {

    private static final ModelSpec SPEC = new ModelSpec(Task.BINARY_CLASSIFICATION,
            List.of(new FeatureSpec("x", ColumnType.NUMERIC), new FeatureSpec("c", ColumnType.CATEGORICAL)),
            "p", "s", "y", "1", null, null, "id", null, null, null);
    private static final List<ColumnSpec> COLUMNS = List.of(new ColumnSpec("x", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("c", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("p", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
            new ColumnSpec("s", ColumnRole.SCORE, ColumnType.NUMERIC),
            new ColumnSpec("y", ColumnRole.LABEL, ColumnType.CATEGORICAL),
            new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL));

    private static AssembledBatch batch(BatchKind kind, int n, double labeledShare, double noise, long seed) {
        return batch(kind, n, labeledShare, noise, seed, new String[] {"a", "b", "c"});
    }

    private static AssembledBatch batch(BatchKind kind, int n, double labeledShare, double noise, long seed,
                                        String[] categories) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        int[] c = new int[n];
        int[] p = new int[n];
        double[] s = new double[n];
        int[] y = new int[n];
        String[] ids = new String[n];
        int[] idCodes = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() * 10;
            c[i] = r.nextInt(categories.length);
            s[i] = r.nextDouble();
            p[i] = s[i] >= 0.5 ? 1 : 0;
            boolean truth = r.nextDouble() < (x[i] > 8 ? noise : 0.0) != (r.nextDouble() < s[i]);
            y[i] = r.nextDouble() < labeledShare ? (truth ? 1 : 0) : -1;
            ids[i] = kind.wire() + "-" + i;
            idCodes[i] = i;
        }
        List<Column> columns = List.of(new NumericColumn(x), new CategoricalColumn(categories, c),
                new CategoricalColumn(new String[] {"0", "1"}, p), new NumericColumn(s),
                new CategoricalColumn(new String[] {"0", "1"}, y), new CategoricalColumn(ids, idCodes));
        BatchHeader h = new BatchHeader(null, 1, "e", "m", kind.wire() + seed, kind, 1, 3, SPEC, COLUMNS,
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"));
        return new AssembledBatch(h, new BatchSeal(null, 1, "s", "m", h.batchId(), kind, n, 1), columns);
    }

    private static PerformanceComputation.Revision revision(int n) {
        return new PerformanceComputation.Revision("ev", "m", "b", 3, n, Instant.EPOCH, Instant.EPOCH, null, null,
                null, null, null);
    }

    @Test
    void baselineSurvivesItsJsonRoundTrip() {
        ReferenceBaseline baseline = BaselineComputation.of(batch(BatchKind.REFERENCE, 3000, 1.0, 0.0, 1));
        assertEquals(3000, baseline.labeledRows());
        assertEquals(3, baseline.referenceVersion());
        assertNotNull(baseline.slices());
        String json = Json.toString(baseline);
        ReferenceBaseline back = Json.fromString(json, ReferenceBaseline.class);
        assertEquals(json, Json.toString(back));
        AssembledBatch production = batch(BatchKind.PRODUCTION, 2000, 1.0, 0.6, 2);
        EvaluationRows rows = BatchColumns.of(production, back.schema());
        PerformanceResult fromCopy = PerformanceComputation.compute(rows, back, revision(1));
        PerformanceResult fromOriginal = PerformanceComputation.compute(rows, baseline, revision(1));
        assertEquals(Json.toString(fromOriginal), Json.toString(fromCopy));
        assertNotNull(fromCopy.slices(), fromCopy.explanation());
        assertEquals("x", fromCopy.slices().get(0).feature(), "the noisy region x > 8 is the worst slice");
    }

    @Test
    void theBaselineKeepsOnlySlicesABatchIsComparedOn() {
        String[] freeText = new String[5000];
        for (int i = 0; i < freeText.length; i++) {
            freeText[i] = "note-" + i;
        }
        ReferenceBaseline baseline = BaselineComputation.of(batch(BatchKind.REFERENCE, 3000, 1.0, 0.0, 1, freeText));
        List<String> kept = baseline.slices().slices().stream().filter(s -> s.feature().equals("c"))
                .map(s -> s.slice()).toList();
        assertEquals(baseline.schema().columns().get(1).categories().length, kept.size(),
                "the most frequent categories, not one slice per distinct value: " + kept);
        assertTrue(kept.size() <= SliceSchema.MAX_CATEGORIES);
        assertEquals(10, baseline.slices().slices().stream().filter(s -> s.feature().equals("x")).count(), "every decile of x");
    }

    @Test
    void storedRowsGiveTheSameResultAsTheArrivingBatch() {
        ReferenceBaseline baseline = BaselineComputation.of(batch(BatchKind.REFERENCE, 3000, 1.0, 0.0, 1));
        EvaluationRows rows = BatchColumns.of(batch(BatchKind.PRODUCTION, 2000, 0.5, 0.6, 3), baseline.schema());
        EvaluationRows stored = RowCodec.unpack(false, rows.rows(), RowCodec.pack(rows));
        assertEquals(Json.toString(PerformanceComputation.compute(rows, baseline, revision(1))),
                Json.toString(PerformanceComputation.compute(stored, baseline, revision(1))));
    }

    @Test
    void referenceWithoutLabelsGivesNoBaselineButRealisedMetricsStillComeOut() {
        ReferenceBaseline baseline = BaselineComputation.of(batch(BatchKind.REFERENCE, 500, 0.0, 0.0, 4));
        assertTrue(baseline.metrics().isEmpty());
        assertNull(baseline.slices());
        EvaluationRows rows = BatchColumns.of(batch(BatchKind.PRODUCTION, 400, 1.0, 0.0, 5), baseline.schema());
        PerformanceResult r = PerformanceComputation.compute(rows, baseline, revision(1));
        assertEquals(400, r.labeledRows());
        assertTrue(r.change().isEmpty());
        assertNull(r.slices());
        assertNull(r.estimated(), "without reference labels the scores cannot be calibrated");
        assertNull(r.estimatedChange());
        assertNull(r.baselineEstimated());
        assertEquals("nothing is estimated: the reference has fewer than 100 labelled rows of each class with a "
                + "score (0 of class 1, 0 of the other class), too few to calibrate the scores", r.estimationNote());
        assertTrue(r.explanation().contains("no baseline"), r.explanation());
    }

    @Test
    void noLabelsMeansEmptyMetricsAndAnEstimate() {
        ReferenceBaseline baseline = BaselineComputation.of(batch(BatchKind.REFERENCE, 500, 1.0, 0.0, 6));
        EvaluationRows rows = BatchColumns.of(batch(BatchKind.PRODUCTION, 300, 0.0, 0.0, 7), baseline.schema());
        PerformanceResult r = PerformanceComputation.compute(rows, baseline, revision(1));
        assertEquals(0.0, r.labelCoverage());
        assertTrue(r.metrics().isEmpty());
        assertTrue(r.change().isEmpty());
        assertTrue(r.intervals().isEmpty());
        assertNull(r.confusionMatrix());
        assertNull(r.estimationError());
        assertEquals(4, r.estimated().size());
        assertEquals(baseline.estimated(), r.baselineEstimated());
        assertEquals(r.estimated().get("accuracy") - baseline.estimated().get("accuracy"),
                r.estimatedChange().get("accuracy").absolute(), 1e-12, "estimate against the reference's estimate");
        assertTrue(r.estimationNote().startsWith("estimated from scores calibrated on the reference"));
        assertTrue(r.explanation().startsWith("No labels yet for 300 rows; estimated accuracy "), r.explanation());
        assertTrue(r.explanation().contains("assumes no concept drift) against the reference's estimate "),
                r.explanation());
    }

    @Test
    void aBaselineStoredBeforeCalibrationEstimatesNothingAndSaysSo() {
        ReferenceBaseline b = BaselineComputation.of(batch(BatchKind.REFERENCE, 500, 1.0, 0.0, 6));
        ReferenceBaseline old = new ReferenceBaseline(b.modelId(), b.referenceVersion(), b.task(), b.rows(),
                b.labeledRows(), b.metrics(), b.schema(), b.slices(), null, null, null);
        EvaluationRows rows = BatchColumns.of(batch(BatchKind.PRODUCTION, 300, 0.0, 0.0, 7), old.schema());
        PerformanceResult r = PerformanceComputation.compute(rows, old, revision(1));
        assertNull(r.estimated());
        assertEquals(ScoreCalibration.UNCALIBRATED_BASELINE, r.estimationNote());
    }

    @Test
    void explanationNumbers() {
        assertEquals("0.712", Explanation.number(0.71234));
        assertEquals("0.006417", Explanation.number(0.0064171));
        assertEquals("1234", Explanation.number(1234.4));
        assertEquals("0", Explanation.number(0.0));
    }
}
