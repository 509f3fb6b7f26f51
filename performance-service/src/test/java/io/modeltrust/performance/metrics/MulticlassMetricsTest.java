package io.modeltrust.performance.metrics;

import static io.modeltrust.performance.metrics.Fixtures.assertClose;
import static io.modeltrust.performance.metrics.Fixtures.assertInterval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Against performance-multiclass.json from src/test/python/generate_multiclass_fixtures.py. */
class MulticlassMetricsTest {

    @TestFactory
    Stream<DynamicTest> matchesScikitLearn() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("performance-multiclass.json").get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                int k = c.get("classes").size();
                double[][] scores = scores(c.get("scores"));
                MulticlassMetrics m = MulticlassMetrics.compute(k, Fixtures.ints(c.get("truth")),
                        Fixtures.ints(c.get("predicted")), scores);
                assertMatches(c.get("expected"), m);
                if (scores != null) {
                    assertEstimate(c.get("estimate"),
                            MulticlassEstimate.estimate(Fixtures.ints(c.get("predicted")), scores));
                }
            }));
        }
        return tests.stream();
    }

    private static double[][] scores(JsonNode columns) {
        if (columns.isNull()) {
            return null;
        }
        double[][] out = new double[columns.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = Fixtures.doubles(columns.get(c));
        }
        return out;
    }

    static void assertMatches(JsonNode e, MulticlassMetrics m) {
        assertNotNull(m);
        assertEquals(e.get("rows").asLong(), m.rows(), "rows");
        JsonNode cm = e.get("confusionMatrix");
        for (int t = 0; t < cm.size(); t++) {
            for (int p = 0; p < cm.size(); p++) {
                assertEquals(cm.get(t).get(p).asLong(), m.confusionMatrix()[t][p], "confusion[" + t + "][" + p + "]");
            }
        }
        for (String name : List.of("accuracy", "macroPrecision", "macroRecall", "macroF1", "weightedPrecision",
                "weightedRecall", "weightedF1", "rocAucOvr", "logLoss")) {
            assertClose(name, e.get(name), m.asMap().get(name));
        }
        assertPerClass("precision", e.get("precision"), m.precision());
        assertPerClass("recall", e.get("recall"), m.recall());
        assertPerClass("f1", e.get("f1"), m.f1());
        long[] support = new long[e.get("support").size()];
        for (int i = 0; i < support.length; i++) {
            support[i] = e.get("support").get(i).asLong();
        }
        assertArrayEquals(support, m.support(), "support");
        assertInterval("accuracyInterval", e.get("accuracyInterval"), m.accuracyInterval());
        assertInterval("macroF1Interval", e.get("macroF1Interval"), m.macroF1Interval());
    }

    static void assertEstimate(JsonNode e, MulticlassEstimate m) {
        assertNotNull(m);
        assertEquals(e.get("rows").asLong(), m.rows(), "estimate rows");
        for (String name : List.of("accuracy", "macroPrecision", "macroRecall", "macroF1")) {
            assertClose("estimated " + name, e.get(name), m.asMap().get(name));
        }
        assertPerClass("estimated precision", e.get("precision"), m.precision());
        assertPerClass("estimated recall", e.get("recall"), m.recall());
        assertPerClass("estimated f1", e.get("f1"), m.f1());
        assertPerClass("expectedTp", e.get("expectedTp"), m.expectedTp());
        assertPerClass("expectedFp", e.get("expectedFp"), m.expectedFp());
        assertPerClass("expectedFn", e.get("expectedFn"), m.expectedFn());
    }

    private static void assertPerClass(String what, JsonNode expected, double[] actual) {
        assertEquals(expected.size(), actual.length, what + " length");
        for (int c = 0; c < actual.length; c++) {
            assertClose(what + "[" + c + "]", expected.get(c).asDouble(), actual[c]);
        }
    }

    @Test
    void asMapNamesFollowTheContract() {
        MulticlassMetrics m = MulticlassMetrics.compute(3, new int[] {0, 1, 2, 1}, new int[] {0, 1, 1, 1},
                new double[][] {{0.8, 0.1, 0.1, 0.2}, {0.1, 0.8, 0.5, 0.6}, {0.1, 0.1, 0.4, 0.2}});
        assertEquals(List.of("accuracy", "macroPrecision", "macroRecall", "macroF1", "weightedPrecision",
                "weightedRecall", "weightedF1", "rocAucOvr", "logLoss"), List.copyOf(m.asMap().keySet()));
        MulticlassMetrics noScores = MulticlassMetrics.compute(3, new int[] {0, 1}, new int[] {0, 1}, null);
        assertNull(noScores.rocAucOvr());
        assertNull(noScores.logLoss());
        assertEquals(7, noScores.asMap().size());
    }

    @Test
    void missingLabelsAndNaNScoresAreLeftOut() {
        MulticlassMetrics m = MulticlassMetrics.compute(2, new int[] {-1, 0, 1, 1}, new int[] {1, 0, 1, 0},
                new double[][] {{0.5, 0.9, Double.NaN, 0.6}, {0.5, 0.1, 0.7, 0.4}});
        assertEquals(3, m.rows());
        // Scored rows: (0: 0.9/0.1) and (1: 0.6/0.4); the row with a NaN score is not ranked.
        assertClose("logLoss", (-Math.log(0.9) - Math.log(0.4)) / 2, m.logLoss());
        assertNull(MulticlassMetrics.compute(3, new int[] {-1, -1}, new int[] {0, 1}, null));
    }

    @Test
    void rejectsCodesOutsideTheClassesAndMismatchedInput() {
        assertThrows(IllegalArgumentException.class,
                () -> MulticlassMetrics.compute(3, new int[] {3}, new int[] {0}, null));
        assertThrows(IllegalArgumentException.class,
                () -> MulticlassMetrics.compute(3, new int[] {0}, new int[] {-1}, null));
        assertThrows(IllegalArgumentException.class,
                () -> MulticlassMetrics.compute(3, new int[] {0, 1}, new int[] {0}, null));
        assertThrows(IllegalArgumentException.class,
                () -> MulticlassMetrics.compute(2, new int[] {0}, new int[] {0}, new double[][] {{0.5}}));
        assertThrows(IllegalArgumentException.class,
                () -> MulticlassEstimate.estimate(new int[] {0}, new double[][] {{1.2}, {0.1}}));
    }

    @Test
    void estimateIsNullWithoutCompleteScoresAndExactForCertainScores() {
        assertNull(MulticlassEstimate.estimate(new int[] {0}, new double[][] {{Double.NaN}, {0.5}}));
        MulticlassEstimate e = MulticlassEstimate.estimate(new int[] {0, 1, 1},
                new double[][] {{1, 0, 0}, {0, 1, 1}, {0, 0, 0}});
        assertEquals(1.0, e.accuracy());
        // Class 2 is neither predicted nor expected: zero_division gives 0, and it drags the macro means.
        assertArrayEquals(new double[] {1, 1, 0}, e.f1());
        assertEquals(2.0 / 3, e.macroF1(), 1e-15);
    }

    @Test
    void macroF1IntervalCollapsesOnPerfectClassification() {
        Interval i = MacroF1Interval.delta(new long[][] {{5, 0}, {0, 7}});
        assertEquals(new Interval(1.0, 1.0, "delta"), i);
        assertNull(MacroF1Interval.delta(new long[][] {{1, 0}, {0, 0}}));
    }
}
