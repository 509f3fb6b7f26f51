package io.modeltrust.drift.multivariate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The domain classifier: its AUC against scikit-learn (generate_domain_classifier_fixtures.py), drift found
 * where only the correlation broke, no false alarm between samples of one distribution, the same answer on
 * every run.
 */
class DomainClassifierTest {

    private static final List<String> NAMES = List.of("x1", "x2", "x3");
    private static JsonNode fixture;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = DomainClassifierTest.class.getResourceAsStream("/fixtures/drift_domain_classifier.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void aucEqualsScikitLearnRocAucScore() {
        for (JsonNode c : fixture.get("auc")) {
            double[] scores = new double[c.get("scores").size()];
            boolean[] labels = new boolean[scores.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = c.get("scores").get(i).asDouble();
                labels[i] = c.get("labels").get(i).asBoolean();
            }
            assertEquals(c.get("auc").asDouble(), Auc.of(scores, labels), 1e-12, c.get("name").asText());
        }
        assertTrue(Double.isNaN(Auc.of(new double[]{1, 2}, new boolean[]{true, true})), "one class only");
    }

    @Test
    void theFixtureBatchesScoreAsAConvergedScikitLearnLogisticRegression() throws IOException {
        JsonNode data;
        try (InputStream in = DomainClassifierTest.class.getResourceAsStream("/fixtures/drift_multivariate.json")) {
            data = new ObjectMapper().readTree(in);
        }
        ReconstructionModel model = ReconstructionModel.fit(columns(data, data.get("reference").get("columns")));
        DomainSample reference = DomainSample.of(model.features(), columns(data, data.get("reference").get("columns")));
        for (String batch : List.of("stable", "broken", "shifted")) {
            DomainSample sample = DomainSample.of(model.features(),
                    columns(data, data.get("batches").get(batch).get("columns")));
            DomainClassifier.Result r = DomainClassifier.compare(reference, sample, model.featureNames());
            double expected = fixture.get("batches").get(batch).get("auc").asDouble();
            assertEquals(expected, r.value(), 0.02, batch + ": Tribuo's AUC against scikit-learn's");
            assertEquals(!batch.equals("stable"), r.drifted(), batch + " " + r);
        }
    }

    @Test
    void brokenCorrelationWithEqualMarginalsIsFound() {
        DomainSample reference = sample(1, 3000, 0.8, false);
        DomainSample broken = sample(2, 3000, 0.8, true);
        DomainClassifier.Result r = DomainClassifier.compare(reference, broken, NAMES);
        assertTrue(r.drifted(), r::toString);
        assertTrue(r.value() > r.upper() + 0.05, "AUC " + r.value() + " well above the band's " + r.upper());
        assertEquals(List.of("x1", "x2").stream().sorted().toList(), r.contributors().stream().sorted().toList(),
                "the two features whose correlation broke, not the independent x3: " + r);
    }

    @Test
    void twoSamplesOfOneDistributionRaiseNoAlarm() {
        for (long seed = 10; seed < 16; seed++) {
            DomainSample reference = sample(seed, 2000, 0.8, false);
            DomainSample same = sample(seed + 100, 1000 + 200 * (int) (seed % 3), 0.8, false);
            DomainClassifier.Result r = DomainClassifier.compare(reference, same, NAMES);
            assertFalse(r.drifted(), "seed " + seed + ": " + r);
            assertTrue(Math.abs(r.value() - 0.5) < 0.05, "seed " + seed + ": AUC " + r.value());
            assertTrue(r.lower() <= r.upper() && r.upper() >= DomainClassifier.MIN_UPPER);
        }
    }

    @Test
    void aRedeliveredBatchGetsTheSameResult() {
        DomainSample reference = sample(3, 1500, 0.8, false);
        DomainSample batch = sample(4, 800, 0.8, true);
        DomainClassifier.Result first = DomainClassifier.compare(reference, batch, NAMES);
        DomainClassifier.Result again = DomainClassifier.compare(reference, batch, NAMES);
        assertEquals(first.value(), again.value(), 0);
        assertEquals(first.upper(), again.upper(), 0);
        assertArrayEquals(first.splits(), again.splits(), 0);
        assertEquals(first.contributors(), again.contributors());
    }

    @Test
    void tooFewRowsOnEitherSideGiveNoResult() {
        assertNull(DomainClassifier.compare(sample(5, 1000, 0.8, false), sample(6, DomainClassifier.MIN_ROWS - 1, 0.8,
                false), NAMES));
        assertNull(DomainClassifier.compare(sample(5, DomainClassifier.MIN_ROWS - 1, 0.8, false), sample(6, 1000, 0.8,
                false), NAMES));
    }

    @Test
    void termsAreFeaturesSquaresAndPairsUpToTwentyFeatures() {
        assertEquals(3 + 6, Terms.of(3).count());
        assertEquals(20 + 210, Terms.of(20).count());
        assertEquals(2 * 21, Terms.of(21).count(), "linear and squared terms only beyond twenty features");
    }

    @Test
    void aSampleKeepsAtMostFiveThousandRowsTheSameOnEveryDrawAndSurvivesStorage() {
        double[] values = new double[12_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        List<MultivariateColumn> columns = List.of(new MultivariateColumn.Numeric("a", values),
                new MultivariateColumn.Categorical("c", new String[]{"u", "v"}, new int[values.length]));
        List<FeatureEncoding> encodings = columns.stream().map(FeatureEncoding::fit).toList();
        DomainSample s = DomainSample.of(encodings, columns);
        assertEquals(DomainSample.MAX_ROWS, s.rows());
        assertArrayEquals(s.columns()[0], DomainSample.of(encodings, columns).columns()[0]);
        DomainSample stored = DomainSample.fromBytes(s.toBytes());
        assertEquals(s.rows(), stored.rows());
        assertArrayEquals(s.columns()[0], stored.columns()[0]);
        assertArrayEquals(s.columns()[1], stored.columns()[1]);
        assertEquals(1_000, DomainSample.sampleRows(1_000_000, 1_000), "a wide model keeps fewer rows");
    }

    /** x1, x2 with correlation {@code rho} (x2 shuffled when {@code broken}), x3 independent; all N(0, 1). */
    static DomainSample sample(long seed, int rows, double rho, boolean broken) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] c = new float[3][rows];
        for (int i = 0; i < rows; i++) {
            double x1 = gaussian(random);
            c[0][i] = (float) x1;
            c[1][i] = (float) (rho * x1 + Math.sqrt(1 - rho * rho) * gaussian(random));
            c[2][i] = (float) gaussian(random);
        }
        if (broken) {
            int[] p = DomainClassifier.permutation(rows, seed * 7);
            float[] shuffled = new float[rows];
            for (int i = 0; i < rows; i++) {
                shuffled[i] = c[1][p[i]];
            }
            c[1] = shuffled;
        }
        return new DomainSample(c, rows);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static List<MultivariateColumn> columns(JsonNode data, JsonNode columns) {
        List<MultivariateColumn> out = new ArrayList<>();
        for (JsonNode n : data.get("numeric")) {
            JsonNode values = columns.get(n.asText());
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i).isNull() ? Double.NaN : values.get(i).asDouble();
            }
            out.add(new MultivariateColumn.Numeric(n.asText(), v));
        }
        for (JsonNode n : data.get("categorical")) {
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
}
