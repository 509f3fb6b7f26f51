package io.modeltrust.fairness.metrics;

import io.modeltrust.stats.ProportionTests;

import static io.modeltrust.fairness.metrics.FixtureSupport.assertClose;
import static io.modeltrust.fairness.metrics.FixtureSupport.assertPValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Fisher, z-test and Wilson against scipy / statsmodels on tables picked for their edge cases. */
class ProportionTestsTest {

    private static final JsonNode TESTS = FixtureSupport.fixture("fairness_cases.json").get("proportionTests");

    @Test
    void criticalValueSquaredAsInStatsmodels() {
        assertEquals(3.841458820694127, ProportionTests.Z_975 * ProportionTests.Z_975);
    }

    @Test
    void fisherExactMatchesScipy() {
        for (JsonNode f : TESTS.get("fisher")) {
            JsonNode t = f.get("table");
            long a = t.get(0).get(0).asLong();
            long b = t.get(0).get(1).asLong();
            long c = t.get(1).get(0).asLong();
            long d = t.get(1).get(1).asLong();
            String path = "fisher" + t;
            assertPValue(path, f.get("pValue").asDouble(), ProportionTests.fisherExactTwoSided(a, b, c, d));
            // the transposed table has the same p-value
            assertPValue(path + "^T", f.get("pValue").asDouble(), ProportionTests.fisherExactTwoSided(a, c, b, d));
            assertEquals(f.get("expectedBelowFive").asBoolean(), ProportionTests.anyExpectedBelowFive(a, b, c, d), path);
        }
    }

    @Test
    void zTestMatchesStatsmodels() {
        for (JsonNode z : TESTS.get("ztest")) {
            assertPValue("ztest" + z, z.get("pValue").asDouble(), ProportionTests.twoProportionZPValue(
                    z.get("count1").asLong(), z.get("nobs1").asLong(), z.get("count2").asLong(), z.get("nobs2").asLong()));
        }
    }

    @Test
    void wilsonMatchesStatsmodels() {
        for (JsonNode w : TESTS.get("wilson")) {
            double[] ci = ProportionTests.wilson(w.get("count").asLong(), w.get("nobs").asLong());
            assertClose("wilson" + w + ".low", w.get("low").asDouble(), ci[0]);
            assertClose("wilson" + w + ".high", w.get("high").asDouble(), ci[1]);
        }
    }

    @Test
    void wilsonNeedsRows() {
        assertThrows(IllegalArgumentException.class, () -> ProportionTests.wilson(0, 0));
    }
}
