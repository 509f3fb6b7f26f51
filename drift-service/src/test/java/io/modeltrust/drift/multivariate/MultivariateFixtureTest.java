package io.modeltrust.drift.multivariate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeltrust.drift.stats.CategoricalReferenceProfile;
import io.modeltrust.drift.stats.ColumnInput;
import io.modeltrust.drift.stats.DriftAnalyzer;
import io.modeltrust.drift.stats.DriftConfig;
import io.modeltrust.drift.stats.DriftReport;
import io.modeltrust.drift.stats.FeatureComparator;
import io.modeltrust.drift.stats.NumericReferenceProfile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reconstruction model against scikit-learn (generate_multivariate_fixtures.py). */
class MultivariateFixtureTest {

    private static final double RTOL = 1e-9;
    private static JsonNode fixture;
    private static List<String> names;
    private static ReconstructionModel model;

    @BeforeAll
    static void fit() throws IOException {
        try (InputStream in = MultivariateFixtureTest.class.getResourceAsStream("/fixtures/drift_multivariate.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        names = new ArrayList<>();
        fixture.get("numeric").forEach(n -> names.add(n.asText()));
        fixture.get("categorical").forEach(n -> names.add(n.asText()));
        model = ReconstructionModel.fit(columns(fixture.get("reference").get("columns")));
    }

    @Test
    void encodingMatchesStandardScalerAndFrequencies() {
        JsonNode e = fixture.get("expected");
        for (int j = 0; j < names.size(); j++) {
            FeatureEncoding f = model.features().get(j);
            assertClose(e.get("means").get(j).asDouble(), f.mean(), "mean of " + names.get(j));
            assertClose(e.get("scales").get(j).asDouble(), f.scale(), "scale of " + names.get(j));
        }
        FeatureEncoding colour = model.features().get(names.size() - 1);
        assertEquals(e.get("frequencies").size(), colour.categories().length);
        for (int i = 0; i < colour.categories().length; i++) {
            assertClose(e.get("frequencies").get(colour.categories()[i]).asDouble(), colour.frequencies()[i],
                    "frequency of " + colour.categories()[i]);
        }
    }

    @Test
    void componentsMatchScikitLearnPcaUpToSign() {
        JsonNode e = fixture.get("expected");
        JsonNode components = e.get("components");
        assertEquals(components.size(), model.components().length, "components kept for 65% of the variance");
        for (int c = 0; c < components.size(); c++) {
            double[] ours = model.components()[c];
            double sign = Math.signum(dot(ours, toDoubles(components.get(c))));
            for (int j = 0; j < ours.length; j++) {
                assertClose(components.get(c).get(j).asDouble(), sign * ours[j], "component " + c + "[" + j + "]");
            }
            assertClose(e.get("explainedVarianceRatio").get(c).asDouble(), model.explained()[c], "explained " + c);
        }
    }

    @Test
    void bandFromTheReferenceChunks() {
        JsonNode e = fixture.get("expected");
        assertClose(e.get("lower").asDouble(), model.lower(), "lower");
        assertClose(e.get("upper").asDouble(), model.upper(), "upper");
        assertClose(e.get("referenceValue").asDouble(), model.referenceValue(), "reference mean error");
        for (int j = 0; j < names.size(); j++) {
            assertClose(e.get("referenceMse").get(j).asDouble(), model.referenceMse()[j], "reference mse " + names.get(j));
        }
    }

    @Test
    void aBatchSmallerThanAChunkIsJudgedByAWiderBandNeverANarrowerOne() {
        int chunk = model.chunkRows();
        assertEquals(400, chunk, "4,000 reference rows in 10 chunks");
        double half = (model.upper() - model.lower()) / 2;
        double[] quarter = model.band(chunk / 4);
        assertClose(2 * half, (quarter[1] - quarter[0]) / 2, "a quarter-chunk batch: half-width x sqrt(4)");
        assertClose((model.lower() + model.upper()) / 2, (quarter[0] + quarter[1]) / 2, "same centre");
        double[] large = model.band(chunk * 3);
        assertEquals(model.lower(), large[0], 1e-15);
        assertEquals(model.upper(), large[1], 1e-15);
    }

    @Test
    void stableBatchStaysInsideTheBand() {
        MultivariateDrift d = check("stable");
        assertFalse(d.drifted());
        assertTrue(d.value() > d.lower() && d.value() < d.upper());
    }

    @Test
    void brokenCorrelationDriftsWhileNoUnivariateTestFires() {
        MultivariateDrift d = check("broken");
        assertTrue(d.drifted());
        assertEquals("x2", d.contributors().get(0), "the shuffled column grew most");
        DriftReport univariate = univariate("broken");
        assertEquals(0, univariate.driftedCount(), "no feature drifts on its own: " + univariate.features());
        univariate.features().forEach(f -> assertTrue(f.comparison().pValue() > 0.05, f.comparison().feature()));
    }

    @Test
    void unseenCategoryAndShiftDrift() {
        assertTrue(check("shifted").drifted());
    }

    @Test
    void storedModelScoresTheSame() {
        ReconstructionModel restored = ReconstructionModelCodec.fromBytes(ReconstructionModelCodec.toBytes(model));
        List<MultivariateColumn> batch = columns(fixture.get("batches").get("broken").get("columns"));
        MultivariateDrift a = model.compare(batch);
        MultivariateDrift b = restored.compare(batch);
        assertEquals(a.value(), b.value());
        assertEquals(a.contributors(), b.contributors());
        assertEquals(model.featureNames(), restored.featureNames());
    }

    @Test
    void anExactReconstructionIsNeverDrift() {
        // Two independent features: each holds half the variance, so both components are kept and every row is
        // reconstructed exactly; the error is rounding on every batch, however the batch moves.
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        double[] a = new double[5000];
        double[] b = new double[5000];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
            b[i] = r.nextGaussian();
        }
        ReconstructionModel exact = ReconstructionModel.fit(List.of(new MultivariateColumn.Numeric("a", a),
                new MultivariateColumn.Numeric("b", b)));
        double[] shifted = new double[2000];
        double[] other = new double[2000];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = 3 + 2 * r.nextGaussian();
            other[i] = r.nextGaussian();
        }
        MultivariateDrift d = exact.compare(List.of(new MultivariateColumn.Numeric("a", shifted),
                new MultivariateColumn.Numeric("b", other)));
        assertTrue(d.value() < 1e-12, "error " + d.value());
        assertFalse(d.drifted(), "rounding noise of " + d.value() + " against [" + d.lower() + ", " + d.upper() + "]");
    }

    @Test
    void fewerThanTwoFeaturesOrTenRowsHaveNoModel() {
        assertNull(ReconstructionModel.fit(List.of(new MultivariateColumn.Numeric("x", new double[100]))));
        assertNull(ReconstructionModel.fit(List.of(new MultivariateColumn.Numeric("x", new double[9]),
                new MultivariateColumn.Numeric("y", new double[9]))));
    }

    @Test
    void emptyAllMissingAndInfiniteColumnsDoNotBreakTheFit() {
        double[] missing = new double[50];
        java.util.Arrays.fill(missing, Double.NaN);
        double[] x = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7;
        }
        int[] noCategory = new int[50];
        java.util.Arrays.fill(noCategory, -1);
        ReconstructionModel m = ReconstructionModel.fit(List.of(new MultivariateColumn.Numeric("x", x),
                new MultivariateColumn.Numeric("gone", missing),
                new MultivariateColumn.Categorical("c", new String[0], noCategory)));
        assertEquals(1.0, m.features().get(1).scale(), "an all-missing column is constant: scale 1");
        assertTrue(Double.isFinite(m.compare(List.of(new MultivariateColumn.Numeric("x", x),
                new MultivariateColumn.Numeric("gone", missing),
                new MultivariateColumn.Categorical("c", new String[]{"new"}, new int[50]))).value()));
        double[] infinite = x.clone();
        infinite[3] = Double.POSITIVE_INFINITY;
        assertNull(ReconstructionModel.fit(List.of(new MultivariateColumn.Numeric("x", x),
                new MultivariateColumn.Numeric("y", infinite))));
        assertNull(m.compare(List.of(new MultivariateColumn.Numeric("x", new double[0]),
                new MultivariateColumn.Numeric("gone", new double[0]),
                new MultivariateColumn.Categorical("c", new String[0], new int[0]))), "an empty batch has no value");
    }

    private static MultivariateDrift check(String batch) {
        JsonNode b = fixture.get("batches").get(batch);
        JsonNode expected = b.get("expected");
        MultivariateDrift d = model.compare(columns(b.get("columns")));
        assertClose(expected.get("value").asDouble(), d.value(), batch + " value");
        assertEquals(expected.get("drifted").asBoolean(), d.drifted(), batch + " drifted");
        for (int j = 0; j < names.size(); j++) {
            assertClose(expected.get("mseIncrease").get(j).asDouble(), d.increase()[j], batch + " increase " + names.get(j));
        }
        List<String> contributors = new ArrayList<>();
        expected.get("contributors").forEach(n -> contributors.add(n.asText()));
        assertEquals(contributors, d.contributors(), batch + " contributors");
        return d;
    }

    private static DriftReport univariate(String batch) {
        List<MultivariateColumn> ref = columns(fixture.get("reference").get("columns"));
        List<MultivariateColumn> prod = columns(fixture.get("batches").get(batch).get("columns"));
        List<ColumnInput> inputs = new ArrayList<>();
        for (int j = 0; j < ref.size(); j++) {
            if (ref.get(j) instanceof MultivariateColumn.Numeric r) {
                inputs.add(new ColumnInput.Numeric(r.name(), NumericReferenceProfile.of(r.values()),
                        ((MultivariateColumn.Numeric) prod.get(j)).values()));
            } else {
                MultivariateColumn.Categorical r = (MultivariateColumn.Categorical) ref.get(j);
                MultivariateColumn.Categorical p = (MultivariateColumn.Categorical) prod.get(j);
                inputs.add(new ColumnInput.Categorical(r.name(), CategoricalReferenceProfile.of(r.dictionary(), r.codes()),
                        p.dictionary(), p.codes()));
            }
        }
        return new DriftAnalyzer(DriftConfig.defaults()).analyze(FeatureComparator.compareAll(inputs));
    }

    static List<MultivariateColumn> columns(JsonNode columns) {
        List<MultivariateColumn> out = new ArrayList<>();
        fixture.get("numeric").forEach(n -> out.add(new MultivariateColumn.Numeric(n.asText(),
                toDoubles(columns.get(n.asText())))));
        for (JsonNode n : fixture.get("categorical")) {
            JsonNode values = columns.get(n.asText());
            Map<String, Integer> dictionary = new LinkedHashMap<>();
            int[] codes = new int[values.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = values.get(i).isNull() ? -1
                        : dictionary.computeIfAbsent(values.get(i).asText(), k -> dictionary.size());
            }
            out.add(new MultivariateColumn.Categorical(n.asText(), dictionary.keySet().toArray(new String[0]), codes));
        }
        return out;
    }

    private static double[] toDoubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void assertClose(double expected, double actual, String what) {
        double tol = RTOL * Math.max(1.0, Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }
}
