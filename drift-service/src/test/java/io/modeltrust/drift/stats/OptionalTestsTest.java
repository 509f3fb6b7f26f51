package io.modeltrust.drift.stats;

import static io.modeltrust.drift.stats.Fixtures.assertPValue;
import static io.modeltrust.drift.stats.Fixtures.assertStat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Cramér-von Mises, Anderson-Darling, the G-test and the Hellinger distance against scipy 1.10.1
 * (drift_tests.json from generate_fixtures.py), within docs/metrics.md's tolerances.
 */
class OptionalTestsTest {

    private static final JsonNode FIXTURE = Fixtures.load("drift_tests.json");

    @Test
    void cramerVonMisesMatchesScipyOnBothBranches() {
        int exact = 0;
        int asymptotic = 0;
        for (JsonNode c : FIXTURE.get("cramerVonMises")) {
            String name = c.get("name").asText();
            CramerVonMises.Result r = CramerVonMises.test(sorted(c.get("reference")), sorted(c.get("production")));
            assertEquals(c.get("exact").asBoolean(), r.exact(), name + ": branch");
            assertStat(c.get("statistic"), r.statistic(), name + ": T");
            assertPValue(c.get("pValue").asDouble(), r.pValue(), name + ": p");
            if (r.exact()) {
                exact++;
            } else {
                asymptotic++;
            }
        }
        assertTrue(exact >= 10 && asymptotic >= 8, "both branches: " + exact + " exact, " + asymptotic);
    }

    @Test
    void cramerVonMisesNeedsTwoValuesASide() {
        assertThrows(IllegalArgumentException.class, () -> CramerVonMises.test(new double[] {1}, new double[] {1, 2}));
        TwoSampleTests.Outcome o = TwoSampleTests.numeric(TwoSampleTests.CRAMER_VON_MISES, new double[] {1, 2, 3},
                new double[] {2});
        assertNull(o.statistic());
        assertNull(o.pValue());
        assertTrue(o.note().contains("at least two values"), o.note());
    }

    @Test
    void limitingCramerVonMisesTailMatchesScipy() {
        for (JsonNode row : FIXTURE.get("cramerVonMisesTail")) {
            double x = row.get("x").asDouble();
            assertPValue(row.get("sf").asDouble(), 1.0 - CramerVonMises.limitingCdf(x), "1 - cdf_cvm_inf(" + x + ")");
        }
    }

    @Test
    void besselKQuarterMatchesScipyKv() {
        for (JsonNode row : FIXTURE.get("besselK025")) {
            double q = row.get("q").asDouble();
            assertStat(row.get("kv"), BesselK.kv(0.25, q), "kv(0.25, " + q + ")");
        }
        assertThrows(IllegalArgumentException.class, () -> BesselK.kv(0.25, 0));
    }

    @Test
    void andersonDarlingMatchesScipyIncludingItsCapAndFloor() {
        int capped = 0;
        int floored = 0;
        int interpolated = 0;
        for (JsonNode c : FIXTURE.get("andersonDarling")) {
            String name = c.get("name").asText();
            double[] r = sorted(c.get("reference"));
            double[] p = sorted(c.get("production"));
            TwoSampleTests.Outcome o = TwoSampleTests.numeric(TwoSampleTests.ANDERSON_DARLING, r, p);
            if (!c.has("adStatistic")) {
                assertNull(o.statistic(), name);
                assertNull(o.pValue(), name);
                assertTrue(o.note().contains("no test result"), name + ": " + o.note());
                continue;
            }
            AndersonDarling.Result a = AndersonDarling.test(r, p);
            assertStat(c.get("adStatistic"), a.statistic(), name + ": A2");
            assertPValue(c.get("adPValue").asDouble(), a.pValue(), name + ": significance level");
            String bound = c.path("adBound").asText("none");
            assertEquals(bound, a.bound().name().toLowerCase(Locale.ROOT), name + ": bound");
            assertEquals(a.pValue(), o.pValue());
            switch (a.bound()) {
                case CAPPED -> {
                    capped++;
                    assertTrue(o.note().contains("capped at 0.25"), o.note());
                }
                case FLOORED -> {
                    floored++;
                    assertTrue(o.note().contains("floored at 0.001"), o.note());
                }
                case NONE -> {
                    interpolated++;
                    assertNull(o.note());
                }
            }
        }
        assertTrue(capped >= 2 && floored >= 2 && interpolated >= 2, capped + "/" + floored + "/" + interpolated);
    }

    @Test
    void gTestMatchesChi2ContingencyLogLikelihood() {
        for (JsonNode c : FIXTURE.get("gTest")) {
            String name = c.get("name").asText();
            ChiSquareTest.Result r = ChiSquareTest.gTest(longs(c.get("reference")), longs(c.get("production")));
            assertStat(c.get("gStatistic"), r.statistic(), name + ": G");
            assertPValue(c.get("gPValue").asDouble(), r.pValue(), name + ": p");
            assertEquals(c.get("dof").asInt(), r.dof(), name + ": dof");
        }
        assertThrows(IllegalArgumentException.class,
                () -> ChiSquareTest.gTest(new long[] {0, 3}, new long[] {0, 4}));
    }

    @Test
    void hellingerMatchesItsDefinitionEvaluatedExactly() {
        for (JsonNode c : FIXTURE.get("hellinger")) {
            assertStat(c.get("hellinger"), Distances.hellinger(longs(c.get("reference")), longs(c.get("production"))),
                    c.get("name").asText());
        }
    }

    @Test
    void unknownTestsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> TwoSampleTests.numeric("chi2", new double[] {1, 2}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> TwoSampleTests.categorical("ks", new long[] {1, 2}, new long[] {1, 2}));
        assertFalse(TwoSampleTests.NUMERIC.contains("g_test"));
        assertThrows(IllegalArgumentException.class, () -> new DriftConfig(null, "chi2", 0.05, 0.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new DriftConfig("ks", "g-test", 0.05, 0.1, 0.5));
    }

    /** An inline sample or a generator spec shared with generate_fixtures.py, ascending. */
    private static double[] sorted(JsonNode column) {
        double[] out = Fixtures.numericColumn(column);
        Arrays.sort(out);
        return out;
    }

    private static long[] longs(JsonNode values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asLong();
        }
        return out;
    }
}
