package io.modeltrust.drift.stats;

import static io.modeltrust.drift.stats.Fixtures.assertPValue;
import static io.modeltrust.drift.stats.Fixtures.assertStat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** kstwo.sf, smirnov, chi2.sf and the KS p-value for a given D, against scipy 1.10.1. */
class DistributionTest {

    private static final JsonNode FIXTURE = Fixtures.load("drift_distributions.json");

    @Test
    void kstwoSurvivalMatchesScipyOnEveryBranch() {
        int checked = 0;
        for (JsonNode row : FIXTURE.get("kstwo")) {
            long n = row.get("n").asLong();
            double x = row.get("x").asDouble();
            String where = "n=" + n + " x=" + x;
            assertPValue(row.get("kstwoSf").asDouble(), KolmogorovDistribution.sf(x, n), "kstwo.sf " + where);
            assertPValue(row.get("smirnov").asDouble(), Smirnov.sf(n, x), "smirnov " + where);
            checked++;
        }
        assertTrue(checked > 500, "grid too small: " + checked);
    }

    @Test
    void pValueFromStatisticMatchesKs2sampIncludingExactFallbacks() {
        int fallbacks = 0;
        for (JsonNode row : FIXTURE.get("ksFromStatistic")) {
            int n1 = row.get("n1").asInt();
            int n2 = row.get("n2").asInt();
            double d = row.get("d").asDouble();
            String where = "n1=" + n1 + " n2=" + n2 + " d=" + d;
            KolmogorovSmirnov.Result r = KolmogorovSmirnov.fromStatistic(d, n1, n2);
            assertEquals(row.get("exact").asBoolean(), r.exact(), "method " + where);
            assertStat(row.get("statistic"), r.statistic(), "D " + where);
            assertPValue(row.get("pValue").asDouble(), r.pValue(), "p " + where);
            if (!r.exact() && Math.max(n1, n2) <= KolmogorovSmirnov.MAX_EXACT_N) {
                fallbacks++;
            }
        }
        assertTrue(fallbacks > 0, "fixture should exercise scipy's exact-to-asymptotic fallback");
    }

    @Test
    void chiSquareSurvivalMatchesScipy() {
        for (JsonNode row : FIXTURE.get("chi2")) {
            int dof = row.get("dof").asInt();
            double x = row.get("x").asDouble();
            assertPValue(row.get("sf").asDouble(), ChiSquareTest.chiSquareSf(x, dof), "chi2.sf dof=" + dof + " x=" + x);
        }
    }
}
