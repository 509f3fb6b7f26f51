package io.modeltrust.drift.stats;

import static io.modeltrust.drift.stats.Fixtures.assertPValue;
import static io.modeltrust.drift.stats.Fixtures.assertStat;
import static io.modeltrust.drift.stats.Fixtures.assertStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.drift.stats.FeatureComparison.BinContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Numeric columns end to end (profile -> comparison) against scipy/numpy golden values. */
class NumericComparisonTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Fixtures.load("drift_numeric.json").get("cases")) {
            out.add(Arguments.of(Named.of(c.get("name").asText(), c)));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesScipy(JsonNode c) {
        double[] r = Fixtures.numericColumn(c.get("reference"));
        double[] p = Fixtures.numericColumn(c.get("production"));
        NumericReferenceProfile profile = NumericReferenceProfile.of(r);
        FeatureComparison fc = FeatureComparator.compareNumeric("x", profile, p);
        check(c.get("expected"), profile, fc, p);
        // the persisted profile must give the very same comparison
        NumericReferenceProfile reloaded = NumericReferenceProfile.fromBytes(profile.toBytes());
        assertEquals(profile, reloaded);
        assertEquals(fc, FeatureComparator.compareNumeric("x", reloaded, p));
    }

    static void check(JsonNode e, NumericReferenceProfile profile, FeatureComparison fc, double[] production) {
        assertEquals("numeric", fc.type());
        assertEquals("ks", fc.test());
        assertEquals(e.get("refCount").asLong(), fc.referenceCount());
        assertEquals(e.get("prodCount").asLong(), fc.productionCount());
        assertStat(e.get("refMissingShare"), fc.dataQuality().referenceMissingShare(), "ref missing");
        assertStat(e.get("prodMissingShare"), fc.dataQuality().productionMissingShare(), "prod missing");
        if (!e.has("ksStatistic")) {
            assertNull(fc.statistic());
            assertNull(fc.pValue());
            return;
        }
        assertStat(e.get("ksStatistic"), fc.statistic(), "ks D");
        assertPValue(e.get("ksPValue").asDouble(), fc.pValue(), "ks p");
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(profile.sortedValues(),
                SortedArrays.sortedWithoutNaN(production));
        assertEquals(e.get("ksExact").asBoolean(), ks.exact(), "ks method");

        assertStats(Fixtures.toDoubles(e.get("edges")), profile.decileEdges(), "edges");
        assertStats(Fixtures.toDoubles(e.get("refShares")), profile.binShares(), "reference shares");
        assertStat(e.get("psi"), fc.psi(), "psi");
        assertStat(e.get("jensenShannon"), fc.jensenShannon(), "jensenShannon");
        assertStat(e.get("wasserstein"), fc.wasserstein(), "wasserstein");
        assertStat(e.get("hellinger"), fc.hellinger(), "hellinger");
        assertStat(e.get("refStd"), profile.std(), "reference std");
        assertStat(e.get("refMin"), profile.min(), "reference min");
        assertStat(e.get("refMax"), profile.max(), "reference max");
        assertStat(e.get("outOfRangeShare"), fc.dataQuality().outOfRangeShare(), "out of range");
        assertNull(fc.dataQuality().unseenCategoryShare());

        JsonNode ref = e.get("reference");
        JsonNode prod = e.get("production");
        var rs = fc.explanation().reference();
        var ps = fc.explanation().production();
        assertStat(ref.get("mean"), rs.mean(), "reference mean");
        assertStat(ref.get("p10"), rs.p10(), "reference p10");
        assertStat(ref.get("p50"), rs.p50(), "reference p50");
        assertStat(ref.get("p90"), rs.p90(), "reference p90");
        assertStat(prod.get("mean"), ps.mean(), "production mean");
        assertStat(prod.get("p10"), ps.p10(), "production p10");
        assertStat(prod.get("p50"), ps.p50(), "production p50");
        assertStat(prod.get("p90"), ps.p90(), "production p90");

        checkTopBins(e, fc.explanation().topBins());
        checkOtherTests(e, profile, fc, production);
    }

    /** The same column under cramer_von_mises and anderson_darling: only the test's fields change. */
    static void checkOtherTests(JsonNode e, NumericReferenceProfile profile, FeatureComparison ks,
                                double[] production) {
        FeatureComparison cvm = FeatureComparator.compareNumeric(ks.feature(), profile, production,
                TwoSampleTests.CRAMER_VON_MISES);
        assertEquals(TwoSampleTests.CRAMER_VON_MISES, cvm.test());
        if (e.has("cvmStatistic")) {
            assertStat(e.get("cvmStatistic"), cvm.statistic(), "cvm T");
            assertPValue(e.get("cvmPValue").asDouble(), cvm.pValue(), "cvm p");
            assertEquals(ks.explanation().sentence(), cvm.explanation().sentence());
        } else {
            assertNull(cvm.statistic(), "cvm undefined below two values a side");
            assertNull(cvm.pValue());
            assertTrue(cvm.explanation().sentence().endsWith("so there is no test result."));
        }
        FeatureComparison ad = FeatureComparator.compareNumeric(ks.feature(), profile, production,
                TwoSampleTests.ANDERSON_DARLING);
        assertEquals(TwoSampleTests.ANDERSON_DARLING, ad.test());
        if (e.has("adStatistic")) {
            assertStat(e.get("adStatistic"), ad.statistic(), "ad A2");
            assertPValue(e.get("adPValue").asDouble(), ad.pValue(), "ad significance level");
            String bound = e.path("adBound").asText("");
            assertEquals(!bound.isEmpty(), ad.explanation().sentence().contains("as SciPy reports it"),
                    "cap note: " + ad.explanation().sentence());
        } else {
            assertNull(ad.pValue(), "ad undefined");
        }
        for (FeatureComparison other : List.of(cvm, ad)) {
            assertEquals(ks.psi(), other.psi());
            assertEquals(ks.jensenShannon(), other.jensenShannon());
            assertEquals(ks.wasserstein(), other.wasserstein());
            assertEquals(ks.hellinger(), other.hellinger());
            assertEquals(ks.dataQuality(), other.dataQuality());
        }
    }

    static void checkTopBins(JsonNode e, List<BinContribution> top) {
        JsonNode expected = e.get("topBins");
        double[] refShares = Fixtures.toDoubles(e.get("refShares"));
        double[] prodShares = Fixtures.toDoubles(e.get("prodShares"));
        assertEquals(expected.size(), top.size(), "top bins");
        for (int i = 0; i < top.size(); i++) {
            BinContribution b = top.get(i);
            double term = expected.get(i).get("psiTerm").asDouble();
            assertStat(term, b.psiTerm(), "top[" + i + "] psi term");
            // equal terms may be ordered differently by a one-ulp log difference; only then allow it
            int bin = expected.get(i).get("bin").asInt();
            if (bin != b.bin()) {
                assertStat(term, Distances.psiTerm(refShares[b.bin()], prodShares[b.bin()]), "tied top bin");
            }
            assertStat(refShares[b.bin()], b.referenceShare(), "top[" + i + "] reference share");
            assertStat(prodShares[b.bin()], b.productionShare(), "top[" + i + "] production share");
        }
    }
}
