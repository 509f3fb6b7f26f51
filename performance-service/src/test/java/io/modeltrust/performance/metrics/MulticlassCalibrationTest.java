package io.modeltrust.performance.metrics;

import static io.modeltrust.performance.metrics.Fixtures.assertClose;
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

/** Against the "calibration" cases of performance-multiclass.json (generate_multiclass_fixtures.py). */
class MulticlassCalibrationTest {

    @TestFactory
    Stream<DynamicTest> oneIsotonicFitPerClassRenormalisedAsScikitLearn() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Fixtures.load("performance-multiclass.json").get("calibration")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                int k = c.get("classes").asInt();
                MulticlassCalibration cal = MulticlassCalibration.fit(Fixtures.ints(c.get("referenceTruth")),
                        columns(c.get("referenceScores")));
                assertEquals(k, cal.classes());
                for (int j = 0; j < k; j++) {
                    double[] ex = Fixtures.doubles(c.get("xThresholds").get(j));
                    double[] ey = Fixtures.doubles(c.get("yThresholds").get(j));
                    IsotonicCalibration one = cal.perClass().get(j);
                    assertEquals(ex.length, one.x().length, "thresholds of class " + j);
                    for (int i = 0; i < ex.length; i++) {
                        assertClose("class " + j + " x[" + i + "]", ex[i], one.x()[i]);
                        assertClose("class " + j + " y[" + i + "]", ey[i], one.y()[i]);
                    }
                }
                double[][] calibrated = cal.calibrate(columns(c.get("scores")));
                double[][] expected = columns(c.get("calibrated"));
                for (int j = 0; j < k; j++) {
                    for (int i = 0; i < expected[j].length; i++) {
                        if (Double.isNaN(expected[j][i])) {
                            assertTrue(Double.isNaN(calibrated[j][i]), "row " + i + " has no calibrated score");
                        } else {
                            assertClose("calibrated[" + j + "][" + i + "]", expected[j][i], calibrated[j][i]);
                        }
                    }
                }
                MulticlassMetricsTest.assertEstimate(c.get("estimate"),
                        MulticlassEstimate.estimate(Fixtures.ints(c.get("predicted")), calibrated));
                MulticlassCalibration back = Json.fromString(Json.toString(cal), MulticlassCalibration.class);
                assertEquals(cal, back, "stored with the baseline as JSON and read back unchanged");
            }));
        }
        return tests.stream();
    }

    @Test
    void aRowWhoseCalibratedScoresAreAllZeroIsLeftOutNotMadeUniform() {
        // Class 0 is positive only at high scores, class 1 likewise: a row low in both calibrates to (0, 0).
        double[][] reference = {{0.1, 0.2, 0.8, 0.9, 0.3, 0.2}, {0.9, 0.8, 0.2, 0.1, 0.7, 0.8}};
        int[] truth = {1, 1, 0, 0, 1, 1};
        MulticlassCalibration cal = MulticlassCalibration.fit(truth, reference);
        double[][] out = cal.calibrate(new double[][] {{0.05, 0.9}, {0.05, 0.1}});
        assertTrue(Double.isNaN(out[0][0]) && Double.isNaN(out[1][0]), "no distribution to renormalise to");
        assertEquals(1.0, out[0][1] + out[1][1], 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> MulticlassCalibration.fit(new int[] {-1}, new double[][] {{0.5}, {0.5}}));
    }

    private static double[][] columns(JsonNode array) {
        double[][] out = new double[array.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = Fixtures.doubles(array.get(c));
        }
        return out;
    }
}
