package io.modeltrust.drift.stats;

import static io.modeltrust.drift.stats.Fixtures.assertPValue;
import static io.modeltrust.drift.stats.Fixtures.assertStat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Categorical columns end to end against scipy chi2_contingency / jensenshannon. */
class CategoricalComparisonTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Fixtures.load("drift_categorical.json").get("cases")) {
            out.add(Arguments.of(Named.of(c.get("name").asText(), c)));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesScipy(JsonNode c) {
        JsonNode r = c.get("reference");
        JsonNode p = c.get("production");
        CategoricalReferenceProfile profile = CategoricalReferenceProfile.of(
                Fixtures.toStrings(r.get("dictionary")), Fixtures.codes(r));
        String[] prodDict = Fixtures.toStrings(p.get("dictionary"));
        int[] prodCodes = Fixtures.codes(p);
        FeatureComparison fc = FeatureComparator.compareCategorical("c", profile, prodDict, prodCodes);
        check(c.get("expected"), fc);
        checkGTest(c.get("expected"), fc,
                FeatureComparator.compareCategorical("c", profile, prodDict, prodCodes, TwoSampleTests.G_TEST));
        CategoricalReferenceProfile reloaded = CategoricalReferenceProfile.fromBytes(profile.toBytes());
        assertEquals(profile, reloaded);
        assertEquals(fc, FeatureComparator.compareCategorical("c", reloaded, prodDict, prodCodes));
    }

    static void check(JsonNode e, FeatureComparison fc) {
        assertEquals("categorical", fc.type());
        assertEquals("chi2", fc.test());
        assertEquals(e.get("refCount").asLong(), fc.referenceCount());
        assertEquals(e.get("prodCount").asLong(), fc.productionCount());
        assertStat(e.get("refMissingShare"), fc.dataQuality().referenceMissingShare(), "ref missing");
        assertStat(e.get("prodMissingShare"), fc.dataQuality().productionMissingShare(), "prod missing");
        assertNull(fc.wasserstein());
        assertNull(fc.dataQuality().outOfRangeShare());
        if (!e.has("chi2Statistic")) {
            assertNull(fc.statistic());
            return;
        }
        assertStat(e.get("chi2Statistic"), fc.statistic(), "chi2 statistic");
        assertPValue(e.get("chi2PValue").asDouble(), fc.pValue(), "chi2 p");
        assertStat(e.get("psi"), fc.psi(), "psi");
        assertStat(e.get("jensenShannon"), fc.jensenShannon(), "jensenShannon");
        assertStat(e.get("unseenCategoryShare"), fc.dataQuality().unseenCategoryShare(), "unseen share");
        NumericComparisonTest.checkTopBins(e, fc.explanation().topBins());
        String[] categories = Fixtures.toStrings(e.get("categories"));
        fc.explanation().topBins().forEach(b -> assertEquals(categories[b.bin()], b.label(), "category label"));
        assertStat(e.get("hellinger"), fc.hellinger(), "hellinger");
    }

    /** The same column under g_test: only the test's fields change. */
    static void checkGTest(JsonNode e, FeatureComparison chi2, FeatureComparison g) {
        assertEquals(TwoSampleTests.G_TEST, g.test());
        if (!e.has("gStatistic")) {
            assertNull(g.statistic());
            assertNull(g.pValue());
            return;
        }
        assertStat(e.get("gStatistic"), g.statistic(), "G statistic");
        assertPValue(e.get("gPValue").asDouble(), g.pValue(), "G p");
        assertEquals(chi2.psi(), g.psi());
        assertEquals(chi2.hellinger(), g.hellinger());
        assertEquals(chi2.explanation(), g.explanation());
        assertEquals(chi2.dataQuality(), g.dataQuality());
    }
}
