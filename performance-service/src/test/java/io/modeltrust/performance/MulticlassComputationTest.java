package io.modeltrust.performance;

import static io.modeltrust.performance.MulticlassFixture.CLASSES;
import static io.modeltrust.performance.MulticlassFixture.PIPELINE;
import static io.modeltrust.performance.MulticlassFixture.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.modeltrust.performance.metrics.MulticlassEstimate;
import io.modeltrust.performance.profile.ReferenceBaseline;
import io.modeltrust.performance.rows.BatchColumns;
import io.modeltrust.performance.rows.EvaluationRows;
import io.modeltrust.performance.rows.LabelJoin;
import io.modeltrust.performance.rows.LabelsInput;
import io.modeltrust.performance.rows.RowCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Multiclass results without Kafka or a database, against scikit-learn (the "pipeline" case of
 * performance-multiclass.json): the baseline with its calibration and own estimate, revision 1 of a batch
 * without labels (estimate only) and of one with some labels, then the revisions after delayed labels and
 * corrected labels, each through the stored form of the rows as the service keeps them.
 */
class MulticlassComputationTest {

    private static final ModelSpec SPEC = MulticlassFixture.spec(true);
    private static final List<ColumnSpec> COLUMNS = MulticlassFixture.columns(true);
    private static final JsonNode EXPECTED = PIPELINE.get("expected");

    private static PerformanceComputation.Revision revision(int n) {
        return new PerformanceComputation.Revision("ev", "m", "b", 1, n, Instant.EPOCH, Instant.EPOCH, null, null,
                null, null, null);
    }

    private static ReferenceBaseline baseline(ModelSpec spec, List<ColumnSpec> columns, boolean scores) {
        ReferenceBaseline b = BaselineComputation.of(MulticlassFixture.batch(spec, columns, "ref", BatchKind.REFERENCE,
                MulticlassFixture.data(PIPELINE.get("reference"), scores)));
        // As the service reads it back from the database.
        return Json.fromString(Json.toString(b), ReferenceBaseline.class);
    }

    private static EvaluationRows production(String name, ReferenceBaseline baseline) {
        return BatchColumns.of(MulticlassFixture.batch(SPEC, COLUMNS, name, BatchKind.PRODUCTION,
                MulticlassFixture.data(PIPELINE.get(name), true)), baseline.schema());
    }

    /** The rows as stored for late labels, with the labels of a labels batch applied. */
    private static LabelJoin.Applied label(EvaluationRows stored, String labels) {
        LabelsInput input = LabelsInput.of(MulticlassFixture.batch(SPEC, MulticlassFixture.labelColumns(), labels,
                BatchKind.LABELS, MulticlassFixture.labels(PIPELINE.get(labels))));
        BaselineHolder.baseline.requireSameMeaning(input.task(), input.classes(), labels);
        LabelJoin.Pairs pairs = LabelJoin.match(stored.idHashes(), input, new boolean[input.distinctIds()]);
        return LabelJoin.apply(stored, pairs, input);
    }

    private static EvaluationRows stored(EvaluationRows rows) {
        return RowCodec.unpack(Task.MULTICLASS_CLASSIFICATION, rows.rows(), RowCodec.pack(rows));
    }

    /** One baseline for the fixture tests: fitting it is the slow part. */
    private static final class BaselineHolder {
        static final ReferenceBaseline baseline = baseline(SPEC, COLUMNS, true);
    }

    @Test
    void baselineHasSklearnMetricsItsCalibrationAndItsOwnEstimate() {
        ReferenceBaseline b = BaselineHolder.baseline;
        assertEquals("multiclass_classification", b.task());
        assertEquals(CLASSES, b.classes());
        assertNotNull(b.classCalibration());
        assertEquals(CLASSES.size(), b.classCalibration().classes());
        assertNull(b.calibration(), "no binary calibration");
        assertNull(b.calibrationNote());
        JsonNode e = EXPECTED.get("baseline");
        for (String m : MulticlassFixture.METRICS) {
            close(e.get(m).asDouble(), b.metrics().get(m), "baseline " + m);
        }
        MulticlassFixture.estimated(EXPECTED.get("baselineEstimated"), b.estimated(), "baseline estimated");
        assertNotNull(b.slices());
    }

    @Test
    void aBatchWithoutLabelsIsEstimatedThenRealisedAsLabelsAndCorrectionsArrive() {
        ReferenceBaseline b = BaselineHolder.baseline;
        EvaluationRows a = production("batchA", b);
        PerformanceResult a1 = PerformanceComputation.compute(a, b, revision(1));
        assertEquals(1200, a1.rows());
        assertEquals(0, a1.labeledRows());
        assertTrue(a1.metrics().isEmpty());
        assertNull(a1.perClass());
        assertNull(a1.confusionMatrix());
        assertNull(a1.estimationError());
        MulticlassFixture.estimated(EXPECTED.get("aRev1").get("estimated"), a1.estimated(), "A rev 1 estimated");
        assertEquals(b.estimated(), a1.baselineEstimated());
        for (String m : MulticlassFixture.ESTIMATED) {
            close(a1.estimated().get(m) - b.estimated().get(m), a1.estimatedChange().get(m).absolute(),
                    "A rev 1 estimated change of " + m);
        }
        assertEquals(MulticlassEstimation.ASSUMPTION, a1.estimationNote());
        assertTrue(a1.explanation().startsWith("No labels yet for 1,200 rows; estimated accuracy "
                + Explanation.number(a1.estimated().get("accuracy"))), a1.explanation());
        assertTrue(a1.explanation().contains("; estimated macro F1 "), a1.explanation());

        EvaluationRows stored = stored(a);
        LabelJoin.Applied first = label(stored, "labels1");
        assertEquals(720, first.newlyLabeled());
        assertEquals(0, first.corrected());
        PerformanceResult a2 = PerformanceComputation.compute(stored, b, revision(2));
        JsonNode e2 = EXPECTED.get("aRev2");
        MulticlassFixture.realised(e2, a2, "A rev 2");
        MulticlassFixture.estimationError(e2, a2, "A rev 2");
        MulticlassFixture.slices(e2.get("worst"), a2, "A rev 2");
        MulticlassFixture.estimated(EXPECTED.get("aRev1").get("estimated"), a2.estimated(), "A rev 2 estimated");
        for (String m : MulticlassFixture.METRICS) {
            close(a2.metrics().get(m) - b.metrics().get(m), a2.change().get(m).absolute(), "A rev 2 change of " + m);
        }
        assertTrue(a2.explanation().startsWith("Accuracy " + Explanation.number(a2.metrics().get("accuracy"))
                + " (95% CI "), a2.explanation());
        assertTrue(a2.explanation().contains("; macro F1 " + Explanation.number(a2.metrics().get("macroF1"))
                + " (95% CI "), a2.explanation());
        assertTrue(a2.explanation().contains("; worst slice " + a2.slices().get(0).slice()), a2.explanation());

        EvaluationRows stored2 = stored(stored);
        LabelJoin.Applied second = label(stored2, "labels2");
        assertEquals(480, second.newlyLabeled());
        assertEquals(EXPECTED.get("labels2Corrected").asInt(), second.corrected(), "labels of another class replace");
        PerformanceResult a3 = PerformanceComputation.compute(stored2, b, revision(3));
        MulticlassFixture.realised(EXPECTED.get("aRev3"), a3, "A rev 3");
        MulticlassFixture.estimationError(EXPECTED.get("aRev3"), a3, "A rev 3");
        MulticlassFixture.slices(EXPECTED.get("aRev3").get("worst"), a3, "A rev 3");
        assertFalse(label(stored2, "labels2").changed(), "the same labels again change nothing");
    }

    @Test
    void aBatchWithSomeLabelsIsRealisedOnThemAndOnTheLaterOnes() {
        ReferenceBaseline b = BaselineHolder.baseline;
        EvaluationRows rows = production("batchB", b);
        PerformanceResult b1 = PerformanceComputation.compute(rows, b, revision(1));
        JsonNode e1 = EXPECTED.get("bRev1");
        MulticlassFixture.realised(e1, b1, "B rev 1");
        MulticlassFixture.estimated(e1.get("estimated"), b1.estimated(), "B rev 1 estimated");
        MulticlassFixture.estimationError(e1, b1, "B rev 1");
        MulticlassFixture.slices(e1.get("worst"), b1, "B rev 1");
        close(200.0 / 500, b1.labelCoverage(), "B rev 1 coverage");
        PerformanceResult fromStored = PerformanceComputation.compute(stored(rows), b, revision(1));
        assertEquals(Json.toString(b1), Json.toString(fromStored), "stored rows give the same result");

        EvaluationRows stored = stored(rows);
        assertEquals(150, label(stored, "labels1").newlyLabeled());
        PerformanceResult b2 = PerformanceComputation.compute(stored, b, revision(2));
        MulticlassFixture.realised(EXPECTED.get("bRev2"), b2, "B rev 2");
        MulticlassFixture.slices(EXPECTED.get("bRev2").get("worst"), b2, "B rev 2");
    }

    @Test
    void withoutScoresThereAreNoScoreMetricsAndNoEstimateAndTheResultSaysWhy() {
        ModelSpec spec = MulticlassFixture.spec(false);
        List<ColumnSpec> columns = MulticlassFixture.columns(false);
        ReferenceBaseline b = baseline(spec, columns, false);
        assertNull(b.classCalibration());
        assertNull(b.estimated());
        assertEquals(MulticlassEstimation.NO_SCORES, b.calibrationNote());
        EvaluationRows rows = BatchColumns.of(MulticlassFixture.batch(spec, columns, "batchB", BatchKind.PRODUCTION,
                MulticlassFixture.data(PIPELINE.get("batchB"), false)), b.schema());
        PerformanceResult r = PerformanceComputation.compute(rows, b, revision(1));
        JsonNode e = EXPECTED.get("bRev1");
        for (String m : List.of("accuracy", "macroF1", "weightedF1")) {
            close(e.get(m).asDouble(), r.metrics().get(m), m);
        }
        assertFalse(r.metrics().containsKey("rocAucOvr"));
        assertFalse(r.metrics().containsKey("logLoss"));
        assertFalse(b.metrics().containsKey("logLoss"));
        assertNull(r.estimated());
        assertNull(r.estimatedChange());
        assertNull(r.estimationError());
        assertEquals(MulticlassEstimation.NO_SCORES, r.estimationNote());
        for (int i = 0; i < rows.rows(); i++) {
            rows.labelState()[i] = EvaluationRows.UNKNOWN;
        }
        PerformanceResult unlabelled = PerformanceComputation.compute(rows, b, revision(1));
        assertEquals("No labels yet for 500 rows: realised performance waits for them; "
                + MulticlassEstimation.NO_SCORES + ".", unlabelled.explanation());
    }

    @Test
    void batchAndReferenceMustShareTheClassesAndTheTask() {
        ReferenceBaseline b = BaselineHolder.baseline;
        List<String> reordered = new ArrayList<>(CLASSES);
        java.util.Collections.swap(reordered, 0, 1);
        assertThrows(IllegalStateException.class,
                () -> b.requireSameMeaning(Task.MULTICLASS_CLASSIFICATION, reordered, "production batch x"));
        assertThrows(IllegalStateException.class,
                () -> b.requireSameMeaning(Task.BINARY_CLASSIFICATION, List.of(), "production batch x"));
        b.requireSameMeaning(Task.MULTICLASS_CLASSIFICATION, CLASSES, "production batch x");
    }

    // ---------------------------------------------------------------- generated scorers

    /**
     * True P(class | x) = softmax(z), reported scores softmax(3z): far too confident. The prediction is
     * the highest score. Labels of class {@code starved} beyond {@code maxStarved} rows are left unknown.
     */
    private static AssembledBatch overconfident(BatchKind kind, int n, int k, long seed, int starved, int maxStarved) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> classes = new ArrayList<>();
        Map<String, String> scoreNames = new LinkedHashMap<>();
        List<ColumnSpec> specs = new ArrayList<>(List.of(new ColumnSpec("x", ColumnRole.FEATURE, ColumnType.NUMERIC),
                new ColumnSpec("p", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
                new ColumnSpec("y", ColumnRole.LABEL, ColumnType.CATEGORICAL)));
        for (int c = 0; c < k; c++) {
            classes.add("c" + c);
            scoreNames.put("c" + c, "s" + c);
            specs.add(new ColumnSpec("s" + c, ColumnRole.SCORE, ColumnType.NUMERIC));
        }
        specs.add(new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL));
        double[] x = new double[n];
        int[] p = new int[n];
        int[] y = new int[n];
        double[][] s = new double[k][n];
        String[] ids = new String[n];
        int[] idCodes = new int[n];
        int starvedSeen = 0;
        double[] z = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                z[c] = 1.2 * normal(r);
            }
            x[i] = z[0];
            double[] truth = softmax(z, 1.0);
            double[] reported = softmax(z, 3.0);
            double u = r.nextDouble();
            int label = k - 1;
            for (int c = 0; c < k; c++) {
                u -= truth[c];
                if (u < 0) {
                    label = c;
                    break;
                }
            }
            int best = 0;
            for (int c = 0; c < k; c++) {
                s[c][i] = reported[c];
                best = reported[c] > reported[best] ? c : best;
            }
            p[i] = best;
            y[i] = label == starved && starvedSeen++ >= maxStarved ? -1 : label;
            ids[i] = kind.wire() + "-" + i;
            idCodes[i] = i;
        }
        String[] dictionary = classes.toArray(String[]::new);
        List<Column> columns = new ArrayList<>(List.of(new NumericColumn(x), new CategoricalColumn(dictionary, p),
                new CategoricalColumn(dictionary, y)));
        for (double[] column : s) {
            columns.add(new NumericColumn(column));
        }
        columns.add(new CategoricalColumn(ids, idCodes));
        ModelSpec spec = new ModelSpec(Task.MULTICLASS_CLASSIFICATION, List.of(), "p", null, "y", null, null, null,
                "id", null, null, null, classes, scoreNames);
        return MulticlassFixture.batch(spec, specs, kind.wire() + seed, kind, columns);
    }

    private static double[] softmax(double[] z, double sharpness) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double[] out = new double[z.length];
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            out[c] = Math.exp(sharpness * (z[c] - max));
            sum += out[c];
        }
        for (int c = 0; c < z.length; c++) {
            out[c] /= sum;
        }
        return out;
    }

    private static double normal(SplittableRandom r) {
        // Box–Muller: SplittableRandom has no Gaussian of its own.
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void calibratedEstimateOfAnOverconfidentScorerIsWithin0015OfRealisedAccuracyWhereTheRawScoreIsNot() {
        ReferenceBaseline b = BaselineComputation.of(overconfident(BatchKind.REFERENCE, 20_000, 4, 21, -1, 0));
        assertNotNull(b.classCalibration());
        ReferenceBaseline stored = Json.fromString(Json.toString(b), ReferenceBaseline.class);
        EvaluationRows rows = BatchColumns.of(overconfident(BatchKind.PRODUCTION, 20_000, 4, 22, -1, 0),
                stored.schema());
        PerformanceResult r = PerformanceComputation.compute(rows, stored, revision(1));
        double realised = r.metrics().get("accuracy");
        double estimated = r.estimated().get("accuracy");
        int[] predicted = new int[rows.rows()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = rows.predictedClass()[i];
        }
        double raw = MulticlassEstimate.estimate(predicted, rows.classScores()).accuracy();
        String figures = String.format("realised %.4f, calibrated estimate %.4f, raw-score estimate %.4f",
                realised, estimated, raw);
        System.out.println("Multiclass CBPE acceptance: " + figures);
        assertTrue(Math.abs(estimated - realised) <= 0.015, figures);
        assertTrue(Math.abs(raw - realised) > 3 * Math.abs(estimated - realised) && Math.abs(raw - realised) > 0.05,
                figures);
        assertEquals(MulticlassEstimation.ASSUMPTION, r.estimationNote());
        close(realised - r.estimated().get("accuracy"), r.estimationError().get("accuracy").absolute(),
                "every row is labelled, so the error is realised minus the estimate");
        assertEquals(b.metrics().get("accuracy"), b.estimated().get("accuracy"), 0.015,
                "calibrated on itself, the reference's estimate is close to its realised accuracy");
    }

    @Test
    void aReferenceWith60RowsOfOneClassEstimatesNothingAndSaysWhy() {
        ReferenceBaseline b = BaselineComputation.of(overconfident(BatchKind.REFERENCE, 3_000, 3, 23, 2, 60));
        assertNull(b.classCalibration());
        assertNull(b.estimated());
        assertEquals("nothing is estimated: the reference has fewer than 100 labelled rows with scores of each "
                + "class (60 of class c2), too few to calibrate the scores", b.calibrationNote());
        assertTrue(b.metrics().containsKey("macroF1"), "the labelled rows still give a baseline");
        EvaluationRows rows = BatchColumns.of(overconfident(BatchKind.PRODUCTION, 500, 3, 24, 0, 0), b.schema());
        for (int i = 0; i < rows.rows(); i++) {
            rows.labelState()[i] = EvaluationRows.UNKNOWN;
        }
        PerformanceResult r = PerformanceComputation.compute(rows, b, revision(1));
        assertNull(r.estimated());
        assertNull(r.baselineEstimated());
        assertEquals(b.calibrationNote(), r.estimationNote());
        assertTrue(r.explanation().contains(b.calibrationNote()), r.explanation());
    }
}
