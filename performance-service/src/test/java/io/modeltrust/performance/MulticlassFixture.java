package io.modeltrust.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "pipeline" case of performance-multiclass.json (generate_multiclass_fixtures.py) as batches, and the
 * comparison of published figures with scikit-learn's at docs/metrics.md tolerance (1e-9 relative). Shared by
 * the computation test and the pipeline test, so both check the same numbers.
 *
 * <p>The prediction and label columns are coded over dictionaries in other orders than the declared
 * classes, as ingest may send them: the service must map by class, not by code.
 */
public final class MulticlassFixture {

    public static final JsonNode ROOT = load();
    public static final JsonNode PIPELINE = ROOT.get("pipeline");
    public static final List<String> CLASSES = texts(PIPELINE.get("classes"));
    static final double REL = 1e-9;
    static final double ABS_FLOOR = 1e-15;
    public static final String[] METRICS = {"accuracy", "macroPrecision", "macroRecall", "macroF1",
        "weightedPrecision", "weightedRecall", "weightedF1", "rocAucOvr", "logLoss"};
    public static final String[] ESTIMATED = {"accuracy", "macroPrecision", "macroRecall", "macroF1"};

    private static final String[] PREDICTION_DICTIONARY = {"fish", "bird", "dog", "cat"};
    private static final String[] LABEL_DICTIONARY = {"dog", "fish", "cat", "bird"};

    private MulticlassFixture() {
    }

    private static JsonNode load() {
        try (InputStream in = MulticlassFixture.class.getResourceAsStream("/fixtures/performance-multiclass.json")) {
            assertNotNull(in, "run src/test/python/generate_multiclass_fixtures.py");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> scoreColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : CLASSES) {
            out.put(c, "p_" + c);
        }
        return out;
    }

    /** The model; {@code scores} false declares no class scores. */
    public static ModelSpec spec(boolean scores) {
        return new ModelSpec(Task.MULTICLASS_CLASSIFICATION,
                List.of(new FeatureSpec("x1", ColumnType.NUMERIC), new FeatureSpec("x2", ColumnType.NUMERIC),
                        new FeatureSpec("c1", ColumnType.CATEGORICAL)),
                "species_pred", null, "species", null, null, null, "pet_id", null, null, null, CLASSES,
                scores ? scoreColumns() : null);
    }

    public static List<ColumnSpec> columns(boolean scores) {
        List<ColumnSpec> out = new ArrayList<>(List.of(new ColumnSpec("x1", ColumnRole.FEATURE, ColumnType.NUMERIC),
                new ColumnSpec("x2", ColumnRole.FEATURE, ColumnType.NUMERIC),
                new ColumnSpec("c1", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
                new ColumnSpec("species_pred", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
                new ColumnSpec("species", ColumnRole.LABEL, ColumnType.CATEGORICAL)));
        if (scores) {
            for (String name : scoreColumns().values()) {
                out.add(new ColumnSpec(name, ColumnRole.SCORE, ColumnType.NUMERIC));
            }
        }
        out.add(new ColumnSpec("pet_id", ColumnRole.ID, ColumnType.CATEGORICAL));
        return out;
    }

    public static List<ColumnSpec> labelColumns() {
        return List.of(new ColumnSpec("pet_id", ColumnRole.ID, ColumnType.CATEGORICAL),
                new ColumnSpec("species", ColumnRole.LABEL, ColumnType.CATEGORICAL));
    }

    /** A reference or production batch of the fixture in the column order of {@link #columns}. */
    public static List<Column> data(JsonNode d, boolean scores) {
        List<Column> out = new ArrayList<>(List.of(numeric(d.get("x1")), numeric(d.get("x2")),
                new CategoricalColumn(texts(PIPELINE.get("categories")).toArray(String[]::new), ints(d.get("c1"))),
                classes(d.get("prediction"), PREDICTION_DICTIONARY), classes(d.get("label"), LABEL_DICTIONARY)));
        if (scores) {
            for (JsonNode column : d.get("scores")) {
                out.add(numeric(column));
            }
        }
        out.add(strings(d.get("ids")));
        return out;
    }

    public static List<Column> labels(JsonNode l) {
        return List.of(strings(l.get("ids")), classes(l.get("label"), LABEL_DICTIONARY));
    }

    public static AssembledBatch batch(ModelSpec spec, List<ColumnSpec> columns, String batchId, BatchKind kind,
                                       List<Column> data) {
        BatchHeader h = new BatchHeader(null, 1, "e", "m", batchId, kind, 1, 1, spec, columns,
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        return new AssembledBatch(h, new BatchSeal(null, 1, "s", "m", batchId, kind, data.get(0).size(), 1), data);
    }

    /** Declared class codes (null = missing) as a column over {@code dictionary}. */
    static CategoricalColumn classes(JsonNode codes, String[] dictionary) {
        List<String> order = List.of(dictionary);
        int[] out = new int[codes.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = codes.get(i);
            out[i] = v.isNull() ? CategoricalColumn.MISSING : order.indexOf(CLASSES.get(v.asInt()));
        }
        return new CategoricalColumn(dictionary, out);
    }

    static NumericColumn numeric(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return new NumericColumn(v);
    }

    static CategoricalColumn strings(JsonNode array) {
        String[] dictionary = new String[array.size()];
        int[] codes = new int[dictionary.length];
        for (int i = 0; i < codes.length; i++) {
            dictionary[i] = array.get(i).asText();
            codes[i] = i;
        }
        return new CategoricalColumn(dictionary, codes);
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    public static void close(double expected, Double actual, String what) {
        assertNotNull(actual, what + " missing");
        double tolerance = Math.max(ABS_FLOOR, REL * Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance,
                what + ": expected " + expected + " but was " + actual + " (sklearn vs service)");
    }

    /** metrics, perClass, confusionMatrix and intervals of a result against the fixture's expected(). */
    public static void realised(JsonNode e, PerformanceResult r, String what) {
        assertEquals(e.get("rows").asLong(), r.labeledRows(), what + " labelled rows");
        for (String m : METRICS) {
            if (e.get(m).isNull()) {
                assertNull(r.metrics().get(m), what + " " + m + " is absent");
            } else {
                close(e.get(m).asDouble(), r.metrics().get(m), what + " " + m);
            }
        }
        assertEquals(CLASSES, List.copyOf(r.perClass().keySet()), what + " perClass in declared order");
        for (int c = 0; c < CLASSES.size(); c++) {
            PerformanceResult.ClassFigures f = r.perClass().get(CLASSES.get(c));
            close(e.get("precision").get(c).asDouble(), f.precision(), what + " precision of " + CLASSES.get(c));
            close(e.get("recall").get(c).asDouble(), f.recall(), what + " recall of " + CLASSES.get(c));
            close(e.get("f1").get(c).asDouble(), f.f1(), what + " f1 of " + CLASSES.get(c));
            assertEquals(e.get("support").get(c).asLong(), f.support(), what + " support of " + CLASSES.get(c));
        }
        assertEquals(CLASSES, r.confusionMatrix().labels(), what + " confusion labels");
        assertNull(r.confusionMatrix().tp(), what + " a multiclass matrix has no tp");
        JsonNode cm = e.get("confusionMatrix");
        for (int t = 0; t < cm.size(); t++) {
            for (int p = 0; p < cm.size(); p++) {
                assertEquals(cm.get(t).get(p).asLong(), r.confusionMatrix().matrix()[t][p],
                        what + " confusion[" + t + "][" + p + "]");
            }
        }
        interval(e.get("accuracyInterval"), r.intervals().get("accuracy"), what + " accuracy interval");
        interval(e.get("macroF1Interval"), r.intervals().get("macroF1"), what + " macroF1 interval");
    }

    static void interval(JsonNode e, PerformanceResult.Interval actual, String what) {
        assertNotNull(actual, what + " missing");
        close(e.get("lower").asDouble(), actual.low(), what + " low");
        close(e.get("upper").asDouble(), actual.high(), what + " high");
        assertEquals(e.get("method").asText(), actual.method(), what + " method");
    }

    /** estimated{accuracy, macroPrecision, macroRecall, macroF1} against the fixture's estimate(). */
    public static void estimated(JsonNode e, Map<String, Double> actual, String what) {
        assertNotNull(actual, what + " missing");
        assertEquals(List.of(ESTIMATED), List.copyOf(actual.keySet()), what + " keys");
        for (String m : ESTIMATED) {
            close(e.get(m).asDouble(), actual.get(m), what + " " + m);
        }
    }

    /** estimationError = realised − the estimate on the same labelled rows. */
    public static void estimationError(JsonNode e, PerformanceResult r, String what) {
        JsonNode onLabeled = e.get("estimatedOnLabeled");
        for (String m : ESTIMATED) {
            close(e.get(m).asDouble() - onLabeled.get(m).asDouble(), r.estimationError().get(m).absolute(),
                    what + " estimation error of " + m);
        }
    }

    public static void slices(JsonNode expected, PerformanceResult r, String what) {
        if (expected.isNull()) {
            assertNull(r.slices(), what + ": accuracy did not fall, no slices");
            return;
        }
        assertNotNull(r.slices(), what + ": slices missing; " + r.explanation());
        assertEquals(expected.size(), r.slices().size(), what + " slice count");
        for (int k = 0; k < expected.size(); k++) {
            JsonNode e = expected.get(k);
            PerformanceResult.Slice s = r.slices().get(k);
            assertEquals(e.get("slice").asText(), s.slice(), what + " slice " + k);
            assertEquals(e.get("batchRows").asLong(), s.rows(), what + " slice " + k + " rows");
            assertEquals(e.get("referenceRows").asLong(), s.referenceRows(), what + " slice " + k + " reference rows");
            close(e.get("batchValue").asDouble(), s.value(), what + " slice " + k + " value");
            close(e.get("referenceValue").asDouble(), s.referenceValue(), what + " slice " + k + " reference value");
        }
    }
}
