package io.modeltrust.performance.metrics;

import static io.modeltrust.performance.metrics.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class IsotonicCalibrationTest {

    @TestFactory
    Stream<DynamicTest> matchesSklearnIsotonicRegression() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("performance-isotonic.json").get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                IsotonicCalibration cal = IsotonicCalibration.fit(Fixtures.doubles(c.get("score")),
                        Fixtures.booleans(c.get("positive")));
                JsonNode e = c.get("expected");
                double[] ex = Fixtures.doubles(e.get("xThresholds"));
                double[] ey = Fixtures.doubles(e.get("yThresholds"));
                assertEquals(ex.length, cal.x().length, "number of thresholds");
                for (int i = 0; i < ex.length; i++) {
                    assertClose("x[" + i + "]", ex[i], cal.x()[i]);
                    assertClose("y[" + i + "]", ey[i], cal.y()[i]);
                }
                double[] query = Fixtures.doubles(c.get("query"));
                double[] expected = Fixtures.doubles(e.get("predicted"));
                double[] actual = cal.calibrate(query);
                for (int i = 0; i < query.length; i++) {
                    if (Double.isNaN(expected[i])) {
                        assertTrue(Double.isNaN(actual[i]), "no score, no calibrated score at " + i);
                    } else {
                        assertClose("predict(" + query[i] + ")", expected[i], actual[i]);
                    }
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> estimatesFromCalibratedScoresAsNumpy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("performance-isotonic.json").get("calibratedCbpe")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                IsotonicCalibration cal = IsotonicCalibration.fit(Fixtures.doubles(c.get("referenceScore")),
                        Fixtures.booleans(c.get("referencePositive")));
                EstimatedPerformance p = EstimatedPerformance.estimate(Fixtures.booleans(c.get("predicted")),
                        cal.calibrate(Fixtures.doubles(c.get("score"))));
                EstimatedPerformanceTest.assertMatches(c.get("expected"), p);
            }));
        }
        return tests.stream();
    }

    @Test
    void survivesItsJsonRoundTrip() {
        IsotonicCalibration cal = IsotonicCalibration.fit(new double[] {0.1, 0.2, 0.3, 0.3, 0.9},
                new boolean[] {false, true, false, true, true});
        IsotonicCalibration back = Json.fromString(Json.toString(cal), IsotonicCalibration.class);
        assertEquals(cal, back);
        assertArrayEquals(cal.y(), back.y());
    }

    @Test
    void aMillionRowsFitInWellUnderASecond() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        int n = 1_000_000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextDouble();
            y[i] = r.nextDouble() < s[i];
        }
        long t0 = System.nanoTime();
        IsotonicCalibration cal = IsotonicCalibration.fit(s, y);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 2000, "fit took " + ms + " ms");
        assertEquals(0.5, cal.calibrate(0.5), 0.05);
    }

    @Test
    void refusesNothingToFitAndUnorderedThresholds() {
        assertThrows(IllegalArgumentException.class,
                () -> IsotonicCalibration.fit(new double[] {Double.NaN}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class,
                () -> new IsotonicCalibration(new double[] {0.5, 0.4}, new double[] {0.1, 0.2}));
    }
}
