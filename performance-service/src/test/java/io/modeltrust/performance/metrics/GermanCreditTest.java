package io.modeltrust.performance.metrics;

import static io.modeltrust.performance.metrics.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.service.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * German Credit (UCI statlog): labels and features come from german.data in the shared data folder
 * (never copied into the repository; each test skips without it), the LogisticRegression scores and
 * expected figures from the committed fixture. Rows [0, split) are the reference, the rest the batch.
 */
class GermanCreditTest {

    private static JsonNode fixture;
    private static List<String[]> rows;
    private static String skipReason;

    @BeforeAll
    static void load() throws IOException {
        skipReason = SharedData.missing("UCI German Credit", "german.data");
        if (skipReason != null) {
            return;
        }
        Path data = SharedData.dir();
        fixture = Fixtures.load("performance-german.json").get("case");
        rows = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("german.data"))) {
            if (!line.isBlank()) {
                rows.add(line.trim().split("\\s+"));
            }
        }
        assertEquals(fixture.get("score").size(), rows.size(), "german.data rows vs fixture scores");
    }

    /** Per test rather than in @BeforeAll so that surefire lists each skipped test with the reason. */
    @BeforeEach
    void requireData() {
        assumeTrue(skipReason == null, skipReason);
    }

    private static boolean[] actual(int from, int to) {
        String positive = fixture.get("positiveLabel").asText();
        boolean[] out = new boolean[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = rows.get(i)[20].equals(positive);
        }
        return out;
    }

    private static double[] score(int from, int to) {
        return Arrays.copyOfRange(Fixtures.doubles(fixture.get("score")), from, to);
    }

    private static boolean[] predicted(double[] score) {
        boolean[] out = new boolean[score.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = score[i] >= 0.5;
        }
        return out;
    }

    private static int split() {
        return fixture.get("split").asInt();
    }

    @Test
    void realisedAndEstimatedPerformance() {
        int n = rows.size();
        double[] refScore = score(0, split());
        double[] batchScore = score(split(), n);
        ClassificationMetrics reference = ClassificationMetrics.compute(actual(0, split()), predicted(refScore),
                refScore);
        ClassificationMetrics batch = ClassificationMetrics.compute(actual(split(), n), predicted(batchScore),
                batchScore);
        ClassificationMetricsTest.assertMatches(fixture.get("expectedReference"), reference);
        ClassificationMetricsTest.assertMatches(fixture.get("expectedBatch"), batch);
        EstimatedPerformanceTest.assertMatches(fixture.get("expectedCbpeBatch"),
                EstimatedPerformance.estimate(predicted(batchScore), batchScore));
        List<MetricChange> changes = MetricChange.compare(batch.asMap(), reference.asMap());
        assertEquals(10, changes.size());
        MetricChange auc = changes.stream().filter(c -> c.metric().equals("rocAuc")).findFirst().orElseThrow();
        double expected = fixture.get("expectedBatch").get("rocAuc").asDouble()
                - fixture.get("expectedReference").get("rocAuc").asDouble();
        assertClose("rocAuc change", expected, auc.absoluteChange());
    }

    @Test
    void worstSlices() {
        int n = rows.size();
        Map<String, double[]> edges = new LinkedHashMap<>();
        List<SliceFeature> refFeatures = features(0, split(), edges);
        for (Map.Entry<String, double[]> e : edges.entrySet()) {
            assertArrayEquals(Fixtures.doubles(fixture.get("expectedEdges").get(e.getKey())), e.getValue(), e.getKey());
        }
        double[] refScore = score(0, split());
        ReferenceSlices reference = SliceAnalysis.profile(refFeatures, SliceMetric.ACCURACY,
                SliceAnalysis.correctness(actual(0, split()), predicted(refScore)));
        SliceAnalysisTest.assertStats(fixture.get("expectedReferenceSlices"), reference.slices());
        double[] batchScore = score(split(), n);
        SliceReport report = SliceAnalysis.worstSlices(features(split(), n, edges),
                SliceAnalysis.correctness(actual(split(), n), predicted(batchScore)), reference);
        SliceAnalysisTest.assertWorst(fixture.get("expectedWorst"), report);
        assertEquals(report.worst().get(0).slice(), fixture.get("expectedWorst").get(0).get("slice").asText());
    }

    /** Numeric edges are computed from the reference part on first use and reused for the batch. */
    private static List<SliceFeature> features(int from, int to, Map<String, double[]> edges) {
        List<SliceFeature> out = new ArrayList<>();
        JsonNode numeric = fixture.get("numericColumns");
        for (JsonNode name : fixture.get("sliceNumeric")) {
            int col = numeric.get(name.asText()).asInt();
            double[] v = new double[to - from];
            for (int i = from; i < to; i++) {
                v[i - from] = Double.parseDouble(rows.get(i)[col]);
            }
            double[] e = edges.computeIfAbsent(name.asText(), k -> DecileEdges.of(v));
            out.add(new SliceFeature.Numeric(name.asText(), v, e));
        }
        fixture.get("categoricalColumns").fields().forEachRemaining(entry -> {
            int col = entry.getValue().asInt();
            // Dictionary in order of first appearance, unlike the fixture's sorted one: joins go by text.
            Map<String, Integer> dictionary = new LinkedHashMap<>();
            int[] codes = new int[to - from];
            for (int i = from; i < to; i++) {
                codes[i - from] = dictionary.computeIfAbsent(rows.get(i)[col], k -> dictionary.size());
            }
            out.add(new SliceFeature.Categorical(entry.getKey(), codes, dictionary.keySet().toArray(new String[0])));
        });
        return out;
    }
}
