package io.modeltrust.performance.metrics;

import static io.modeltrust.performance.metrics.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SliceAnalysisTest {

    @TestFactory
    Stream<DynamicTest> matchesNumpySlices() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("performance-slices.json").get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                SliceMetric metric = SliceMetric.valueOf(c.get("metric").asText());
                ReferenceSlices reference = SliceAnalysis.profile(Fixtures.features(c.get("referenceFeatures")),
                        metric, Fixtures.doubles(c.get("referenceOutcome")));
                assertStats(c.get("expectedReference"), reference.slices());
                SliceReport report = SliceAnalysis.worstSlices(Fixtures.features(c.get("batchFeatures")),
                        Fixtures.doubles(c.get("batchOutcome")), reference);
                assertWorst(c.get("expectedWorst"), report);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> decileEdgesAndLabelsMatchNumpy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("performance-slices.json").get("edgeCases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                double[] edges = DecileEdges.of(Fixtures.doubles(c.get("values")));
                // Same arithmetic as numpy's _lerp, so the edges agree to the bit.
                assertArrayEquals(Fixtures.doubles(c.get("edges")), edges);
                assertArrayEquals(Fixtures.strings(c.get("labels")),
                        new SliceFeature.Numeric("x", new double[0], edges).sliceLabels());
            }));
        }
        return tests.stream();
    }

    static void assertStats(JsonNode expected, List<SliceStat> actual) {
        Map<String, SliceStat> byKey = new HashMap<>();
        for (SliceStat s : actual) {
            byKey.put(s.feature() + "|" + s.slice(), s);
        }
        assertEquals(expected.size(), actual.size(), "number of non-empty slices");
        for (JsonNode e : expected) {
            SliceStat s = byKey.get(e.get("feature").asText() + "|" + e.get("slice").asText());
            assertNotNull(s, "slice " + e.get("slice").asText());
            assertEquals(e.get("rows").asLong(), s.rows(), s.slice() + " rows");
            assertClose(s.slice() + " value", e.get("value"), s.value());
        }
    }

    static void assertWorst(JsonNode expected, SliceReport report) {
        assertEquals(expected.size(), report.worst().size(), "number of findings");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            SliceFinding f = report.worst().get(i);
            assertEquals(e.get("feature").asText(), f.feature());
            assertEquals(e.get("slice").asText(), f.slice());
            assertEquals(e.get("batchRows").asLong(), f.batchRows());
            assertEquals(e.get("referenceRows").asLong(), f.referenceRows());
            assertClose("batchValue", e.get("batchValue"), f.batchValue());
            assertClose("referenceValue", e.get("referenceValue"), f.referenceValue());
            assertClose("change", e.get("change"), f.change());
        }
    }

    @Test
    void summaryNamesTheWorstSlice() {
        List<SliceFinding> one = List.of(new SliceFinding("purpose", "purpose=car", 410, 0.6170731707317073,
                571, 0.8704028021015762, -0.2533));
        assertEquals("Accuracy fell most for purpose=car: 61.7% on 410 batch rows versus 87.0% in the reference.",
                SliceAnalysis.summary(SliceMetric.ACCURACY, one, 30));
        List<SliceFinding> mae = List.of(new SliceFinding("income", "income > 81643.8", 1187, 15.3038, 290,
                7.95357, 7.35));
        assertEquals("Mean absolute error rose most for income > 81643.8: 15.3 on 1,187 batch rows versus 7.954"
                + " in the reference.", SliceAnalysis.summary(SliceMetric.MAE, mae, 30));
        assertEquals("No slice with at least 30 batch rows did worse than in the reference.",
                SliceAnalysis.summary(SliceMetric.ACCURACY, List.of(), 30));
    }

    @Test
    void rejectsBadInput() {
        SliceFeature cat = new SliceFeature.Categorical("c", new int[] {0, 2}, new String[] {"a", "b"});
        assertThrows(IllegalArgumentException.class, () -> SliceAnalysis.stats(List.of(cat), new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> SliceAnalysis.stats(List.of(cat), new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new SliceFeature.Numeric("x", new double[0], new double[] {2, 1}));
    }
}
