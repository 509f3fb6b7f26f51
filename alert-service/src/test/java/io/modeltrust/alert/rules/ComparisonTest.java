package io.modeltrust.alert.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void thresholdReachedUpToFloatingPointNoise() {
        double change = 0.80 - 0.85; // -0.04999999999999993: the trial's accuracy change, printed "down 0.050"
        assertTrue(Comparison.LT.test(change, -0.05));
        assertTrue(Comparison.LT.test(-0.04999999999999993, -0.05));
        assertTrue(Comparison.LTE.test(-0.04999999999999993, -0.05));
        assertTrue(Comparison.GT.test(0.30000000000000004 - 1e-12, 0.3));
        assertTrue(Comparison.GTE.test(0.1 + 0.2 - 2e-16, 0.3));
        assertTrue(Comparison.EQ.test(0.1 + 0.2, 0.3));
        assertFalse(Comparison.NEQ.test(0.1 + 0.2, 0.3));
        assertTrue(Comparison.ABS_GT.test(-0.09999999999999998, 0.1));
        assertTrue(Comparison.GT.test(1e12 + 1e-4, 1e12 + 1e-3), "relative tolerance for large values");
    }

    @Test
    void realDistancesStillDecide() {
        assertFalse(Comparison.LT.test(-0.0499, -0.05));
        assertFalse(Comparison.LT.test(-0.049999, -0.05));
        assertTrue(Comparison.LT.test(-0.0501, -0.05));
        assertFalse(Comparison.GT.test(0.2999, 0.3));
        assertFalse(Comparison.EQ.test(0.0, 1.0));
        assertTrue(Comparison.NEQ.test(0.0, 1.0));
        assertFalse(Comparison.ABS_GTE.test(0.05, 0.1));
        assertTrue(Comparison.ABS_GT.test(-0.2, 0.1));
    }
}
