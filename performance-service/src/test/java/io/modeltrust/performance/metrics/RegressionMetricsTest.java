package io.modeltrust.performance.metrics;

import static io.modeltrust.performance.metrics.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RegressionMetricsTest {

    @TestFactory
    Stream<DynamicTest> matchesScikitLearn() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("performance-regression.json").get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                RegressionMetrics m = RegressionMetrics.compute(Fixtures.doubles(c.get("actual")),
                        Fixtures.doubles(c.get("predicted")));
                JsonNode e = c.get("expected");
                assertEquals(e.get("rows").asLong(), m.rows(), "rows");
                assertClose("mae", e.get("mae"), m.mae());
                assertClose("rmse", e.get("rmse"), m.rmse());
                assertClose("r2", e.get("r2"), m.r2());
                assertClose("mape", e.get("mape"), m.mape());
            }));
        }
        return tests.stream();
    }

    @Test
    void asMapOmitsUndefinedR2() {
        RegressionMetrics one = RegressionMetrics.compute(new double[] {1}, new double[] {2});
        assertEquals(List.of("mae", "rmse", "mape"), List.copyOf(one.asMap().keySet()));
    }

    @Test
    void rejectsInputWithoutUsableRows() {
        assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.compute(new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.compute(new double[2], new double[1]));
    }
}
