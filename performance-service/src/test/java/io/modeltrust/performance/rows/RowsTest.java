package io.modeltrust.performance.rows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.IdHash;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.modeltrust.performance.metrics.SliceAnalysis;
import io.modeltrust.performance.metrics.SliceFeature;
import io.modeltrust.performance.metrics.SliceStat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The packed storage, the id order and the label join, without framework or database. */
class RowsTest {

    private static final ModelSpec CLASSIFIER = new ModelSpec(Task.BINARY_CLASSIFICATION, List.of(), "p", "s", "y",
            "yes", null, null, "id", null, null, null);

    private static AssembledBatch batch(BatchKind kind, List<ColumnSpec> specs, List<Column> columns) {
        BatchHeader h = new BatchHeader(null, 1, "e", "m", "b-" + kind.wire(), kind, 1, 1, CLASSIFIER, specs,
                Instant.EPOCH, Instant.EPOCH);
        return new AssembledBatch(h, new BatchSeal(null, 1, "s", "m", h.batchId(), kind, columns.get(0).size(), 1),
                columns);
    }

    private static EvaluationRows random(int n, int features, boolean regression, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] ids = new long[n];
        boolean[] pp = regression ? null : new boolean[n];
        double[] pred = regression ? new double[n] : null;
        double[] score = new double[n];
        byte[] states = regression ? null : new byte[n];
        double[] values = regression ? new double[n] : null;
        byte[][] codes = new byte[features][n];
        for (int i = 0; i < n; i++) {
            ids[i] = IdHash.of("id-" + r.nextInt(n));
            score[i] = r.nextDouble();
            if (regression) {
                pred[i] = r.nextDouble() * 100;
                values[i] = r.nextInt(3) == 0 ? Double.NaN : r.nextDouble() * 100;
            } else {
                pp[i] = r.nextBoolean();
                states[i] = (byte) (r.nextInt(3) - 1);
            }
            for (int f = 0; f < features; f++) {
                codes[f][i] = (byte) r.nextInt(16);
            }
        }
        return IdOrder.sortById(new EvaluationRows(regression, n, ids, pp, pred, score, states, values, codes));
    }

    @Test
    void packedRowsRoundTripExactly() {
        for (boolean regression : new boolean[] {false, true}) {
            for (int features : new int[] {0, 1, 3, 20}) {
                EvaluationRows rows = random(1001, features, regression, 7 + features);
                RowCodec.Packed packed = RowCodec.pack(rows);
                EvaluationRows back = RowCodec.unpack(regression, rows.rows(), packed);
                assertArrayEquals(rows.idHashes(), back.idHashes());
                assertArrayEquals(rows.score(), back.score());
                if (regression) {
                    assertArrayEquals(rows.predicted(), back.predicted());
                    assertArrayEquals(rows.labelValue(), back.labelValue());
                } else {
                    assertArrayEquals(rows.predictedPositive(), back.predictedPositive());
                    assertArrayEquals(rows.labelState(), back.labelState());
                }
                for (int f = 0; f < features; f++) {
                    assertArrayEquals(rows.sliceCodes()[f], back.sliceCodes()[f]);
                }
                long perRow = regression ? 8 + 8 + 8 + 8 : 8 + 8 + 1;
                assertTrue(packed.bytes() <= perRow * 1001 + (features * 1001 + 1) / 2 + 126 + 1,
                        "packed size " + packed.bytes());
            }
        }
    }

    @Test
    void idOrderIsAscendingAndStable() {
        long[] keys = {5, -3, 5, 0, Long.MIN_VALUE, 5, Long.MAX_VALUE, -3};
        int[] order = IdOrder.order(keys);
        assertArrayEquals(new int[] {4, 1, 7, 3, 0, 2, 5, 6}, order);
        SplittableRandom r = new SplittableRandom(1);
        long[] many = new long[100_003];
        for (int i = 0; i < many.length; i++) {
            many[i] = r.nextLong() % 1000;
        }
        int[] o = IdOrder.order(many);
        for (int k = 1; k < o.length; k++) {
            assertTrue(many[o[k - 1]] < many[o[k]] || many[o[k - 1]] == many[o[k]] && o[k - 1] < o[k]);
        }
    }

    @Test
    void labelsJoinByIdAcrossDuplicatesAndReportUnmatched() {
        List<ColumnSpec> production = List.of(new ColumnSpec("p", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
                new ColumnSpec("s", ColumnRole.SCORE, ColumnType.NUMERIC),
                new ColumnSpec("y", ColumnRole.LABEL, ColumnType.CATEGORICAL),
                new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL));
        String[] yn = {"no", "yes"};
        // Rows: a, b, c, a (a repeated), missing id; c already labelled "no".
        AssembledBatch prod = batch(BatchKind.PRODUCTION, production, List.of(
                new CategoricalColumn(yn, new int[] {1, 0, 1, 1, 0}),
                new NumericColumn(new double[] {0.9, 0.2, 0.7, 0.6, 0.1}),
                new CategoricalColumn(yn, new int[] {-1, -1, 0, -1, -1}),
                new CategoricalColumn(new String[] {"a", "b", "c"}, new int[] {0, 1, 2, 0, -1})));
        EvaluationRows rows = BatchColumns.of(prod, SliceSchema.empty());
        assertEquals(1, rows.labeledRows());
        List<ColumnSpec> labelSpecs = List.of(new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL),
                new ColumnSpec("y", ColumnRole.LABEL, ColumnType.CATEGORICAL));
        // Labels: a=no then a=yes (the later wins), c=yes (a correction), z unknown, a row without a label.
        AssembledBatch labels = batch(BatchKind.LABELS, labelSpecs, List.of(
                new CategoricalColumn(new String[] {"a", "c", "z", "b"}, new int[] {0, 1, 2, 0, 3}),
                new CategoricalColumn(yn, new int[] {0, 1, 1, 1, -1})));
        LabelsInput input = LabelsInput.of(labels);
        assertEquals(5, input.rows());
        assertEquals(1, input.unusable());
        assertEquals(3, input.distinctIds());
        boolean[] matched = new boolean[input.distinctIds()];
        LabelJoin.Pairs pairs = LabelJoin.match(rows.idHashes(), input, matched);
        assertEquals(3, pairs.size(), "a twice, c once");
        int matchedIds = 0;
        for (boolean m : matched) {
            matchedIds += m ? 1 : 0;
        }
        assertEquals(2, matchedIds, "z matched nothing");
        LabelJoin.Applied applied = LabelJoin.apply(rows, pairs, input);
        assertEquals(2, applied.newlyLabeled());
        assertEquals(1, applied.corrected());
        assertEquals(3, rows.labeledRows());
        int positives = 0;
        for (int i = 0; i < rows.rows(); i++) {
            positives += rows.labelState()[i] == 1 ? 1 : 0;
        }
        assertEquals(3, positives, "both a rows and c are now 'yes'");
        assertFalse(LabelJoin.apply(rows, pairs, input).changed(), "applying the same labels again changes nothing");
    }

    @Test
    void slicesFromCodesEqualSlicesFromValues() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 5000;
        double[] ref = new double[n];
        double[] batch = new double[n];
        String[] dictionary = new String[20];
        for (int c = 0; c < dictionary.length; c++) {
            dictionary[c] = "cat" + c;
        }
        int[] refCodes = new int[n];
        int[] batchCodes = new int[n];
        double[] outcome = new double[n];
        for (int i = 0; i < n; i++) {
            ref[i] = r.nextInt(50) == 0 ? Double.NaN : r.nextDouble() * 100;
            batch[i] = r.nextInt(50) == 0 ? Double.NaN : r.nextDouble() * 120 - 10;
            // Skewed, so the 14 most frequent reference categories are the low codes.
            refCodes[i] = r.nextInt(40) == 0 ? -1 : Math.min(r.nextInt(20), r.nextInt(20));
            batchCodes[i] = r.nextInt(40) == 0 ? -1 : r.nextInt(20);
            outcome[i] = r.nextInt(10) == 0 ? Double.NaN : r.nextInt(2);
        }
        SliceSchema schema = SliceSchema.ofReference(List.of("x", "c"),
                List.of(new NumericColumn(ref), new CategoricalColumn(dictionary, refCodes)));
        assertEquals(SliceSchema.MAX_CATEGORIES, schema.columns().get(1).categories().length);
        SliceFeature x = schema.decode(0, schema.encode(0, new NumericColumn(batch)));
        SliceFeature c = schema.decode(1, schema.encode(1, new CategoricalColumn(dictionary, batchCodes)));
        List<SliceStat> fromCodes = SliceAnalysis.stats(List.of(x, c), outcome);
        List<SliceStat> fromValues = SliceAnalysis.stats(List.of(
                new SliceFeature.Numeric("x", batch, schema.columns().get(0).edges()),
                new SliceFeature.Categorical("c", batchCodes, dictionary)), outcome);
        List<SliceStat> expected = new ArrayList<>();
        List<String> kept = List.of(schema.columns().get(1).categories());
        for (SliceStat s : fromValues) {
            // Categories outside the 14 kept ones are pooled into the catch-all slice.
            if (!s.feature().equals("c") || s.slice().endsWith("is missing") || kept.contains(s.slice().substring(2))) {
                expected.add(s);
            }
        }
        List<SliceStat> got = new ArrayList<>(fromCodes);
        got.removeIf(s -> s.slice().equals(schema.otherSliceLabel(1)));
        assertEquals(expected.size(), got.size());
        for (SliceStat e : expected) {
            SliceStat g = got.stream().filter(s -> s.slice().equals(e.slice())).findFirst().orElseThrow();
            assertEquals(e.rows(), g.rows(), e.slice());
            assertEquals(e.value(), g.value(), 1e-15, e.slice());
        }
    }

    private static final List<String> SIZES = List.of("S", "M", "L", "10");
    private static final ModelSpec MULTICLASS = new ModelSpec(Task.MULTICLASS_CLASSIFICATION, List.of(), "p", null,
            "y", null, null, null, "id", null, null, null, SIZES, java.util.Map.of("S", "sS", "M", "sM", "L", "sL",
            "10", "s10"));

    private static AssembledBatch multiclassBatch(BatchKind kind, List<ColumnSpec> specs, List<Column> columns) {
        BatchHeader h = new BatchHeader(null, 1, "e", "m", "mc-" + kind.wire(), kind, 1, 1, MULTICLASS, specs,
                Instant.EPOCH, Instant.EPOCH);
        return new AssembledBatch(h, new BatchSeal(null, 1, "s", "m", h.batchId(), kind, columns.get(0).size(), 1),
                columns);
    }

    @Test
    void multiclassRowsAreClassCodesInDeclaredOrderAndRoundTripThroughStorage() {
        List<ColumnSpec> specs = new ArrayList<>(List.of(
                new ColumnSpec("p", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
                new ColumnSpec("y", ColumnRole.LABEL, ColumnType.CATEGORICAL)));
        for (String c : SIZES) {
            specs.add(new ColumnSpec("s" + c, ColumnRole.SCORE, ColumnType.NUMERIC));
        }
        specs.add(new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL));
        // Dictionaries in other orders than the classes; "10.0" is class "10"; a missing prediction and label.
        List<Column> columns = List.of(
                new CategoricalColumn(new String[] {"L", "10.0", "S", "M"}, new int[] {0, 1, 2, 3, -1}),
                new CategoricalColumn(new String[] {"M", "S", "10", "L"}, new int[] {3, 2, 1, -1, 0}),
                new NumericColumn(new double[] {0.1, 0.0, 0.7, 0.2, Double.NaN}),
                new NumericColumn(new double[] {0.1, 0.1, 0.1, 0.6, Double.NaN}),
                new NumericColumn(new double[] {0.7, 0.1, 0.1, 0.1, Double.NaN}),
                new NumericColumn(new double[] {0.1, 0.8, 0.1, 0.1, Double.NaN}),
                new CategoricalColumn(new String[] {"e", "d", "c", "b", "a"}, new int[] {0, 1, 2, 3, 4}));
        EvaluationRows rows = BatchColumns.of(multiclassBatch(BatchKind.PRODUCTION, specs, columns),
                SliceSchema.empty(), false);
        assertTrue(rows.multiclass());
        assertArrayEquals(new byte[] {2, 3, 0, 1, -1}, rows.predictedClass(), "codes of S, M, L, 10 in declared order");
        assertArrayEquals(new byte[] {2, 3, 0, -1, 1}, rows.labelState());
        assertArrayEquals(new double[] {0.7, 0.1, 0.1, 0.1, Double.NaN}, rows.classScores()[2], "column of L");
        EvaluationRows sorted = IdOrder.sortById(rows);
        EvaluationRows back = RowCodec.unpack(Task.MULTICLASS_CLASSIFICATION, sorted.rows(), RowCodec.pack(sorted));
        assertArrayEquals(sorted.idHashes(), back.idHashes());
        assertArrayEquals(sorted.predictedClass(), back.predictedClass());
        assertArrayEquals(sorted.labelState(), back.labelState());
        assertEquals(SIZES.size(), back.classScores().length);
        for (int c = 0; c < SIZES.size(); c++) {
            assertArrayEquals(sorted.classScores()[c], back.classScores()[c]);
        }
        // Row "a" (no prediction) and its scores follow the id order.
        int a = 0;
        while (sorted.idHashes()[a] != IdHash.of("a")) {
            a++;
        }
        assertEquals(-1, back.predictedClass()[a]);
        assertTrue(Double.isNaN(back.classScores()[0][a]));

        List<ColumnSpec> labelSpecs = List.of(new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL),
                new ColumnSpec("y", ColumnRole.LABEL, ColumnType.CATEGORICAL));
        // b gains label "10" (it had none), c gets the label it has (S), d is corrected from "10" to M.
        LabelsInput labels = LabelsInput.of(multiclassBatch(BatchKind.LABELS, labelSpecs, List.of(
                new CategoricalColumn(new String[] {"b", "c", "d"}, new int[] {0, 1, 2}),
                new CategoricalColumn(new String[] {"10", "S", "M"}, new int[] {0, 1, 2}))));
        assertEquals(Task.MULTICLASS_CLASSIFICATION, labels.task());
        assertEquals(SIZES, labels.classes());
        LabelJoin.Applied applied = LabelJoin.apply(back, LabelJoin.match(back.idHashes(), labels, new boolean[3]),
                labels);
        assertEquals(1, applied.newlyLabeled());
        assertEquals(1, applied.corrected());
        assertEquals(5, back.labeledRows());
    }

    @Test
    void aMulticlassValueOfNoClassIsRefusedNotCounted() {
        List<ColumnSpec> specs = List.of(new ColumnSpec("p", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
                new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL));
        AssembledBatch batch = multiclassBatch(BatchKind.PRODUCTION, specs, List.of(
                new CategoricalColumn(new String[] {"S", "XL"}, new int[] {0, 1}),
                new CategoricalColumn(new String[] {"a", "b"}, new int[] {0, 1})));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BatchColumns.of(batch, SliceSchema.empty()));
        assertTrue(e.getMessage().contains("'XL'"), e.getMessage());
    }
}
