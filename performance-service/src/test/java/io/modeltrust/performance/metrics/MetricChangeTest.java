package io.modeltrust.performance.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricChangeTest {

    @Test
    void absoluteAndRelativeChange() {
        MetricChange c = MetricChange.of("rocAuc", 0.72, 0.80);
        assertEquals(0.72 - 0.80, c.absoluteChange());
        assertEquals((0.72 - 0.80) / 0.80, c.relativeChange());
        MetricChange negativeBaseline = MetricChange.of("r2", -0.5, -0.25);
        assertEquals((-0.5 - -0.25) / 0.25, negativeBaseline.relativeChange());
    }

    @Test
    void relativeChangeIsAbsentForZeroBaseline() {
        assertNull(MetricChange.of("mae", 1.0, 0.0).relativeChange());
    }

    @Test
    void compareKeepsCurrentOrderAndSkipsMissing() {
        Map<String, Double> current = new LinkedHashMap<>();
        current.put("accuracy", 0.8);
        current.put("rocAuc", 0.7);
        current.put("brier", 0.2);
        Map<String, Double> baseline = new LinkedHashMap<>();
        baseline.put("rocAuc", 0.75);
        baseline.put("accuracy", 0.9);
        List<MetricChange> changes = MetricChange.compare(current, baseline);
        assertEquals(List.of("accuracy", "rocAuc"), changes.stream().map(MetricChange::metric).toList());
        assertEquals(0.8 - 0.9, changes.get(0).absoluteChange());
    }
}
