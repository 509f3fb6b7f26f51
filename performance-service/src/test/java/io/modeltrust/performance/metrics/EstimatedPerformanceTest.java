package io.modeltrust.performance.metrics;

import static io.modeltrust.performance.metrics.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EstimatedPerformanceTest {

    @TestFactory
    Stream<DynamicTest> matchesNumpyCbpe() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("performance-cbpe.json").get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                EstimatedPerformance p = EstimatedPerformance.estimate(Fixtures.booleans(c.get("predicted")),
                        Fixtures.doubles(c.get("score")));
                assertMatches(c.get("expected"), p);
            }));
        }
        return tests.stream();
    }

    static void assertMatches(JsonNode e, EstimatedPerformance p) {
        assertEquals(e.get("rows").asLong(), p.rows(), "rows");
        assertClose("expectedTp", e.get("expectedTp"), p.expectedTp());
        assertClose("expectedFp", e.get("expectedFp"), p.expectedFp());
        assertClose("expectedTn", e.get("expectedTn"), p.expectedTn());
        assertClose("expectedFn", e.get("expectedFn"), p.expectedFn());
        assertClose("estimatedAccuracy", e.get("estimatedAccuracy"), p.estimatedAccuracy());
        assertClose("estimatedPrecision", e.get("estimatedPrecision"), p.estimatedPrecision());
        assertClose("estimatedRecall", e.get("estimatedRecall"), p.estimatedRecall());
        assertClose("estimatedF1", e.get("estimatedF1"), p.estimatedF1());
    }

    @Test
    void perfectlyConfidentScoresReproduceTheRealisedMatrix() {
        boolean[] predicted = {true, true, false, false};
        EstimatedPerformance p = EstimatedPerformance.estimate(predicted, new double[] {1, 0, 1, 0});
        assertEquals(1.0, p.expectedTp());
        assertEquals(1.0, p.expectedFp());
        assertEquals(1.0, p.expectedFn());
        assertEquals(1.0, p.expectedTn());
        assertEquals(0.5, p.estimatedAccuracy());
    }

    @Test
    void rejectsNonProbabilitiesAndReturnsNullWithoutScores() {
        assertThrows(IllegalArgumentException.class,
                () -> EstimatedPerformance.estimate(new boolean[] {true}, new double[] {1.5}));
        assertNull(EstimatedPerformance.estimate(new boolean[] {true}, new double[] {Double.NaN}));
    }
}
