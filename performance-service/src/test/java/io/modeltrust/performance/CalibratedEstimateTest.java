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
import io.modeltrust.performance.metrics.EstimatedPerformance;
import io.modeltrust.performance.profile.ReferenceBaseline;
import io.modeltrust.performance.rows.BatchColumns;
import io.modeltrust.performance.rows.EvaluationRows;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md "Calibration" end to end without Kafka or a database: a scorer whose scores are far too
 * confident (true P(y=1|x) = sigmoid(x), reported score sigmoid(3x), ŷ = score ≥ 0.5) is estimated well only
 * once its scores are calibrated on the labelled reference.
 */
class CalibratedEstimateTest {

    private static final ModelSpec SPEC = new ModelSpec(Task.BINARY_CLASSIFICATION,
            List.of(new FeatureSpec("x", ColumnType.NUMERIC)), "p", "s", "y", "1", null, null, "id", null, null, null);
    private static final List<ColumnSpec> COLUMNS = List.of(new ColumnSpec("x", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("p", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
            new ColumnSpec("s", ColumnRole.SCORE, ColumnType.NUMERIC),
            new ColumnSpec("y", ColumnRole.LABEL, ColumnType.CATEGORICAL),
            new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL));

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /**
     * @param maxPositives labels of class 1 beyond this many are left unknown (-1), to starve calibration
     */
    private static AssembledBatch overconfident(BatchKind kind, int n, long seed, int maxPositives) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        int[] p = new int[n];
        double[] s = new double[n];
        int[] y = new int[n];
        String[] ids = new String[n];
        int[] idCodes = new int[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            x[i] = 1.5 * normal(r);
            s[i] = sigmoid(3 * x[i]);
            p[i] = s[i] >= 0.5 ? 1 : 0;
            boolean truth = r.nextDouble() < sigmoid(x[i]);
            y[i] = truth && positives >= maxPositives ? -1 : truth ? 1 : 0;
            positives += y[i] == 1 ? 1 : 0;
            ids[i] = kind.wire() + "-" + i;
            idCodes[i] = i;
        }
        List<Column> columns = List.of(new NumericColumn(x), new CategoricalColumn(new String[] {"0", "1"}, p),
                new NumericColumn(s), new CategoricalColumn(new String[] {"0", "1"}, y),
                new CategoricalColumn(ids, idCodes));
        BatchHeader h = new BatchHeader(null, 1, "e", "m", kind.wire() + seed, kind, 1, 2, SPEC, COLUMNS,
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        return new AssembledBatch(h, new BatchSeal(null, 1, "s", "m", h.batchId(), kind, n, 1), columns);
    }

    private static double normal(SplittableRandom r) {
        // Box–Muller: SplittableRandom has no Gaussian of its own.
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static PerformanceComputation.Revision revision() {
        return new PerformanceComputation.Revision("ev", "m", "b", 2, 1, Instant.EPOCH, Instant.EPOCH, null, null,
                null, null, null);
    }

    @Test
    void calibratedEstimateOfAnOverconfidentScorerIsWithin0015OfRealisedAccuracyWhereTheRawScoreIsNot() {
        ReferenceBaseline baseline = BaselineComputation.of(overconfident(BatchKind.REFERENCE, 20_000, 11, 20_000));
        assertNotNull(baseline.calibration());
        assertNull(baseline.calibrationNote());
        ReferenceBaseline stored = Json.fromString(Json.toString(baseline), ReferenceBaseline.class);
        EvaluationRows rows = BatchColumns.of(overconfident(BatchKind.PRODUCTION, 5_000, 12, 5_000), stored.schema());
        PerformanceResult r = PerformanceComputation.compute(rows, stored, revision());

        double realised = r.metrics().get("accuracy");
        double estimated = r.estimated().get("accuracy");
        double raw = EstimatedPerformance.estimate(rows.predictedPositive(), rows.score()).estimatedAccuracy();
        String figures = String.format("realised %.4f, calibrated estimate %.4f, raw-score estimate %.4f",
                realised, estimated, raw);
        System.out.println("CBPE acceptance: " + figures);
        assertTrue(Math.abs(estimated - realised) <= 0.015, figures);
        assertTrue(Math.abs(raw - realised) > 3 * Math.abs(estimated - realised) && Math.abs(raw - realised) > 0.05,
                figures);

        assertEquals(ScoreCalibration.ASSUMPTION, r.estimationNote());
        assertEquals(baseline.estimated(), r.baselineEstimated());
        assertEquals(estimated - r.baselineEstimated().get("accuracy"), r.estimatedChange().get("accuracy").absolute(),
                1e-12, "the estimate is compared with the reference's estimate");
        assertEquals(realised - r.estimated().get("accuracy"), r.estimationError().get("accuracy").absolute(), 1e-12,
                "every row is labelled, so the error is realised minus the estimate");
        double referenceRealised = baseline.metrics().get("accuracy");
        assertEquals(referenceRealised, baseline.estimated().get("accuracy"), 0.01,
                "calibrated on itself, the reference's estimate is close to its realised accuracy");
    }

    @Test
    void aReferenceWith50PositivesEstimatesNothingAndSaysWhy() {
        ReferenceBaseline baseline = BaselineComputation.of(overconfident(BatchKind.REFERENCE, 5_000, 13, 50));
        assertNull(baseline.calibration());
        assertNull(baseline.estimated());
        EvaluationRows rows = BatchColumns.of(overconfident(BatchKind.PRODUCTION, 1_000, 14, 0), baseline.schema());
        for (int i = 0; i < rows.rows(); i++) {
            rows.labelState()[i] = EvaluationRows.UNKNOWN;
        }
        PerformanceResult r = PerformanceComputation.compute(rows, baseline, revision());
        assertNull(r.estimated());
        assertNull(r.estimatedChange());
        assertNull(r.baselineEstimated());
        assertEquals("nothing is estimated: the reference has fewer than 100 labelled rows of each class with a "
                + "score (50 of class 1), too few to calibrate the scores", r.estimationNote());
        assertTrue(r.explanation().contains(r.estimationNote()), r.explanation());
    }
}
