package io.modeltrust.performance.metrics;

import static io.modeltrust.performance.metrics.Fixtures.assertClose;
import static io.modeltrust.performance.metrics.Fixtures.assertInterval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ClassificationMetricsTest {

    @TestFactory
    Stream<DynamicTest> matchesScikitLearn() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("performance-classification.json").get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                double[] score = c.get("score").isNull() ? null : Fixtures.doubles(c.get("score"));
                ClassificationMetrics m = ClassificationMetrics.compute(Fixtures.booleans(c.get("actual")),
                        Fixtures.booleans(c.get("predicted")), score);
                assertMatches(c.get("expected"), m);
            }));
        }
        return tests.stream();
    }

    static void assertMatches(JsonNode e, ClassificationMetrics m) {
        assertEquals(e.get("rows").asLong(), m.rows(), "rows");
        assertEquals(e.get("tp").asLong(), m.confusion().tp(), "tp");
        assertEquals(e.get("fp").asLong(), m.confusion().fp(), "fp");
        assertEquals(e.get("tn").asLong(), m.confusion().tn(), "tn");
        assertEquals(e.get("fn").asLong(), m.confusion().fn(), "fn");
        assertClose("accuracy", e.get("accuracy"), m.accuracy());
        assertClose("precision", e.get("precision"), m.precision());
        assertClose("recall", e.get("recall"), m.recall());
        assertClose("f1", e.get("f1"), m.f1());
        assertClose("rocAuc", e.get("rocAuc"), m.rocAuc());
        assertClose("prAuc", e.get("prAuc"), m.prAuc());
        assertClose("logLoss", e.get("logLoss"), m.logLoss());
        assertClose("brier", e.get("brier"), m.brier());
        assertClose("ks", e.get("ks"), m.ks());
        assertClose("gini", e.get("gini"), m.gini());
        assertInterval("accuracyInterval", e.get("accuracyInterval"), m.accuracyInterval());
        assertInterval("rocAucInterval", e.get("rocAucInterval"), m.rocAucInterval());
    }

    @Test
    void asMapHoldsOnlyPresentMetrics() {
        ClassificationMetrics m = ClassificationMetrics.compute(new boolean[] {true, true},
                new boolean[] {true, false}, new double[] {0.9, 0.2});
        assertEquals(List.of("accuracy", "precision", "recall", "f1"), List.copyOf(m.asMap().keySet()));
        assertNull(m.rocAuc());
    }

    @Test
    void rankingIsNullForSingleClassOrAllScoresMissing() {
        assertNull(ScoreRanking.compute(new boolean[] {true, false}, new double[] {Double.NaN, 0.3}));
        assertFalse(ScoreRanking.compute(new boolean[] {true, false}, new double[] {0.4, 0.3}) == null);
    }

    @Test
    void rejectsMismatchedOrEmptyInput() {
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.compute(new boolean[0], new boolean[0], null));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.compute(new boolean[2], new boolean[3], null));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.compute(new boolean[2], new boolean[2], new double[3]));
    }

    @Test
    void wilsonMatchesStatsmodelsAtTheBounds() {
        // proportion_confint(0, 10, method='wilson') and (10, 10): bounds touch 0 and 1.
        Interval none = ConfidenceIntervals.wilson(0, 10);
        assertClose("lower", 0.0, none.lower());
        assertClose("upper", 0.27753279986288926, none.upper());
        Interval all = ConfidenceIntervals.wilson(10, 10);
        assertClose("lower", 0.7224672001371106, all.lower());
        assertNull(ConfidenceIntervals.wilson(0, 0));
    }
}
