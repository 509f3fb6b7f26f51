package io.modeltrust.performance.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.event.PerformanceResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads performance-pipeline.json (src/test/python/generate_fixtures.py, pipeline_case) and compares
 * published figures with scikit-learn's at docs/metrics.md tolerance (1e-9 relative).
 */
final class PipelineFixture {

    static final double REL = 1e-9;
    static final double ABS_FLOOR = 1e-15;

    private PipelineFixture() {
    }

    static JsonNode load() {
        try (InputStream in = PipelineFixture.class.getResourceAsStream("/fixtures/performance-pipeline.json")) {
            assertNotNull(in, "fixture performance-pipeline.json missing: run src/test/python/generate_fixtures.py");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NumericColumn numeric(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return new NumericColumn(v);
    }

    /** Integer codes (null = missing) over the given dictionary. */
    static CategoricalColumn coded(JsonNode array, String... dictionary) {
        int[] codes = new int[array.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = array.get(i).isNull() ? CategoricalColumn.MISSING : array.get(i).asInt();
        }
        return new CategoricalColumn(dictionary, codes);
    }

    /** Strings, each its own dictionary entry (ids). */
    static CategoricalColumn strings(JsonNode array) {
        String[] dictionary = new String[array.size()];
        int[] codes = new int[dictionary.length];
        for (int i = 0; i < codes.length; i++) {
            dictionary[i] = array.get(i).asText();
            codes[i] = i;
        }
        return new CategoricalColumn(dictionary, codes);
    }

    static String[] texts(JsonNode array) {
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asText();
        }
        return out;
    }

    static void close(double expected, double actual, String what) {
        double tolerance = Math.max(ABS_FLOOR, REL * Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance,
                what + ": expected " + expected + " but was " + actual + " (sklearn vs service)");
    }

    static void close(JsonNode expected, Double actual, String what) {
        assertNotNull(actual, what + " missing");
        close(expected.asDouble(), actual, what);
    }

    static final String[] CLASSIFICATION_METRICS = {"accuracy", "precision", "recall", "f1", "rocAuc", "prAuc",
        "logLoss", "brier", "ks", "gini"};
    static final String[] REGRESSION_METRICS = {"mae", "rmse", "r2", "mape"};

    /** Realised metrics, confusion matrix and intervals of a result against classification_expected. */
    static void classification(JsonNode e, PerformanceResult r, String revision) {
        assertEquals(e.get("rows").asLong(), r.labeledRows(), revision + " labelled rows");
        for (String m : CLASSIFICATION_METRICS) {
            close(e.get(m), r.metrics().get(m), revision + " " + m);
        }
        assertEquals(new PerformanceResult.ConfusionMatrix(e.get("tp").asLong(), e.get("fp").asLong(),
                e.get("tn").asLong(), e.get("fn").asLong()), r.confusionMatrix(), revision + " confusion matrix");
        interval(e.get("accuracyInterval"), r.intervals().get("accuracy"), revision + " accuracy interval");
        interval(e.get("rocAucInterval"), r.intervals().get("rocAuc"), revision + " rocAuc interval");
    }

    static void regression(JsonNode e, PerformanceResult r, String revision) {
        assertEquals(e.get("rows").asLong(), r.labeledRows(), revision + " labelled rows");
        for (String m : REGRESSION_METRICS) {
            close(e.get(m), r.metrics().get(m), revision + " " + m);
        }
        bootstrap(e.get("bootstrapReference"), r, "mae", revision);
        bootstrap(e.get("bootstrapReference"), r, "rmse", revision);
    }

    /**
     * The service's bootstrap interval against numpy's with 20 times the resamples: different generators, so
     * each bound within a tenth of the reference width (about 4.5 Monte Carlo standard errors of 1000
     * resamples), which a wrong set of rows or a wrong statistic would miss by far.
     */
    static void bootstrap(JsonNode reference, PerformanceResult r, String metric, String revision) {
        PerformanceResult.Interval actual = r.intervals().get(metric);
        String what = revision + " " + metric + " interval";
        assertNotNull(actual, what + " missing");
        assertEquals("bootstrap-percentile", actual.method(), what + " method");
        double low = reference.get(metric).get(0).asDouble();
        double high = reference.get(metric).get(1).asDouble();
        double tolerance = 0.1 * (high - low);
        assertTrue(Math.abs(actual.low() - low) <= tolerance, what + " low " + actual.low() + " vs numpy " + low);
        assertTrue(Math.abs(actual.high() - high) <= tolerance, what + " high " + actual.high() + " vs numpy " + high);
    }

    static void interval(JsonNode e, PerformanceResult.Interval actual, String what) {
        assertNotNull(actual, what + " missing");
        close(e.get("lower").asDouble(), actual.low(), what + " low");
        close(e.get("upper").asDouble(), actual.high(), what + " high");
        assertEquals(e.get("method").asText(), actual.method(), what + " method");
    }

    /** estimated{accuracy, precision, recall, f1} against cbpe_expected. */
    static void estimated(JsonNode e, Map<String, Double> actual, String what) {
        assertNotNull(actual, what + " missing");
        close(e.get("estimatedAccuracy"), actual.get("accuracy"), what + " accuracy");
        close(e.get("estimatedPrecision"), actual.get("precision"), what + " precision");
        close(e.get("estimatedRecall"), actual.get("recall"), what + " recall");
        close(e.get("estimatedF1"), actual.get("f1"), what + " f1");
    }

    /** change = metric − baseline for every metric, relative = change / |baseline|. */
    static void changes(PerformanceResult r) {
        for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
            Double base = r.baseline().get(m.getKey());
            if (base == null) {
                continue;
            }
            PerformanceResult.Change c = r.change().get(m.getKey());
            assertNotNull(c, "change of " + m.getKey());
            close(m.getValue() - base, c.absolute(), "change of " + m.getKey());
            close((m.getValue() - base) / Math.abs(base), c.relative(), "relative change of " + m.getKey());
        }
    }

    static void slices(JsonNode expected, PerformanceResult r, String what) {
        assertNotNull(r.slices(), what + ": slices missing; " + r.explanation());
        assertEquals(expected.size(), r.slices().size(), what + " slice count");
        for (int k = 0; k < expected.size(); k++) {
            JsonNode e = expected.get(k);
            PerformanceResult.Slice s = r.slices().get(k);
            assertEquals(e.get("feature").asText(), s.feature(), what + " slice " + k);
            assertEquals(e.get("slice").asText(), s.slice(), what + " slice " + k);
            assertEquals(e.get("batchRows").asLong(), s.rows(), what + " slice " + k + " rows");
            assertEquals(e.get("referenceRows").asLong(), s.referenceRows(), what + " slice " + k + " reference rows");
            close(e.get("batchValue").asDouble(), s.value(), what + " slice " + k + " value");
            close(e.get("referenceValue").asDouble(), s.referenceValue(), what + " slice " + k + " reference value");
        }
    }
}
