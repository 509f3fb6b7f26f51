package io.modeltrust.drift.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Degenerate inputs, explanations, profile persistence and the parallel batch entry point. */
class EdgeCaseTest {

    private static final double NaN = Double.NaN;

    @Test
    void allMissingProductionColumnIsReportedNotThrown() {
        NumericReferenceProfile ref = NumericReferenceProfile.of(new double[] {1, 2, 3, NaN});
        FeatureComparison fc = FeatureComparator.compareNumeric("x", ref, new double[] {NaN, NaN, NaN});
        assertNull(fc.statistic());
        assertNull(fc.pValue());
        assertNull(fc.psi());
        assertNull(fc.jensenShannon());
        assertNull(fc.wasserstein());
        assertFalse(fc.testable());
        assertEquals(1.0, fc.dataQuality().productionMissingShare());
        assertEquals(0.25, fc.dataQuality().referenceMissingShare());
        assertNull(fc.dataQuality().outOfRangeShare());
        assertTrue(fc.explanation().sentence().contains("no non-missing values in production"));
        assertTrue(fc.explanation().topBins().isEmpty());

        FeatureComparison zeroRows = FeatureComparator.compareNumeric("x", ref, new double[0]);
        assertNull(zeroRows.pValue());
        assertNull(zeroRows.dataQuality().productionMissingShare());

        CategoricalReferenceProfile cref = CategoricalReferenceProfile.of(new String[] {"a", "b"}, new int[] {0, 1, 1});
        FeatureComparison cat = FeatureComparator.compareCategorical("c", cref, new String[] {"a"}, new int[] {-1, -1});
        assertNull(cat.statistic());
        assertNull(cat.psi());
        assertEquals(1.0, cat.dataQuality().productionMissingShare());
        DriftReport report = new DriftAnalyzer(DriftConfig.defaults()).analyze(List.of(fc, cat));
        assertEquals(0, report.driftedCount());
    }

    @Test
    void allMissingReferenceColumn() {
        NumericReferenceProfile ref = NumericReferenceProfile.of(new double[] {NaN, NaN});
        FeatureComparison fc = FeatureComparator.compareNumeric("x", ref, new double[] {1, 2});
        assertNull(fc.pValue());
        assertEquals(1.0, fc.dataQuality().referenceMissingShare());
        assertNotNull(fc.explanation().production());
        NumericReferenceProfile back = NumericReferenceProfile.fromBytes(ref.toBytes());
        assertEquals(ref, back);
        assertEquals(0, back.count());
    }

    @Test
    void constantColumnsAndOneRowBatch() {
        double[] constant = new double[100];
        Arrays.fill(constant, 7.0);
        NumericReferenceProfile ref = NumericReferenceProfile.of(constant);
        assertEquals(1, ref.decileEdges().length);
        assertEquals(0.0, ref.std());
        FeatureComparison same = FeatureComparator.compareNumeric("k", ref, new double[] {7.0});
        assertEquals(0.0, same.statistic());
        assertEquals(1.0, same.pValue());
        assertEquals(0.0, same.psi());
        assertEquals(0.0, same.wasserstein());
        FeatureComparison moved = FeatureComparator.compareNumeric("k", ref, new double[] {9.5});
        assertEquals(1.0, moved.statistic());
        assertEquals(2.5, moved.wasserstein(), "raw distance when the reference std is 0");
        assertEquals(1.0, moved.dataQuality().outOfRangeShare());
    }

    @Test
    void productionNeedNotBeSortedAndIsNotModified() {
        double[] refValues = {5, 1, 4, 2, 3, 9, 8, 7, 6, 10};
        NumericReferenceProfile ref = NumericReferenceProfile.of(refValues);
        double[] prod = {3.5, NaN, 1.5, 12, 0};
        double[] copy = prod.clone();
        FeatureComparison a = FeatureComparator.compareNumeric("x", ref, prod);
        assertTrue(Arrays.equals(copy, prod));
        FeatureComparison b = FeatureComparator.compareNumeric("x", ref, new double[] {0, 1.5, 3.5, 12});
        assertEquals(a.statistic(), b.statistic());
        assertEquals(a.pValue(), b.pValue());
        assertEquals(0.5, a.dataQuality().outOfRangeShare());
        assertEquals(0.2, a.dataQuality().productionMissingShare());
    }

    @Test
    void numericSentenceNamesMediansAndTheLargestBin() {
        // reference 100, 200, ..., 100,000; production puts 38% of rows in the lowest decile
        double[] ref = new double[1000];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = 100.0 * (i + 1);
        }
        double[] prod = new double[1000];
        for (int i = 0; i < prod.length; i++) {
            prod[i] = i < 380 ? 100 + 9900.0 * i / 380 : 10100 + 89900.0 * (i - 380) / 620;
        }
        FeatureComparison fc = FeatureComparator.compareNumeric("income",
                NumericReferenceProfile.of(ref), prod);
        String s = fc.explanation().sentence();
        assertTrue(s.startsWith("income: production median "), s);
        assertTrue(s.contains(" vs reference 50,050; "), s);
        assertTrue(s.endsWith("; 38% of rows now fall in the lowest reference decile (10% before)"), s);
        assertEquals("(-inf, 10,090]", fc.explanation().topBins().get(0).label());
        assertEquals(3, fc.explanation().topBins().size());
    }

    @Test
    void categoricalSentenceAndUnseenCategories() {
        CategoricalReferenceProfile ref = CategoricalReferenceProfile.of(new String[] {"red", "blue"},
                new int[] {0, 0, 0, 1, 1, 1, 1, 1, 1, 1});
        FeatureComparison fc = FeatureComparator.compareCategorical("colour", ref,
                new String[] {"green", "red", "blue"}, new int[] {0, 0, 1, 1, 1, 2, 2, 2, 2, -1});
        assertEquals(2.0 / 9, fc.dataQuality().unseenCategoryShare(), 1e-15);
        assertEquals("green", fc.explanation().topBins().get(0).label());
        assertTrue(fc.explanation().sentence().startsWith("colour: \"green\" (never seen in the reference)"),
                fc.explanation().sentence());
    }

    @Test
    void unseenCategoriesAreListedMostFrequentFirstAndNamedInTheSentence() {
        CategoricalReferenceProfile ref = CategoricalReferenceProfile.of(new String[] {"a"}, new int[] {0, 0, 0, 0, 0, 0, 0, 0});
        // a x8, then u1..u7 with counts 1, 3, 2, 2, 1, 1, 1
        String[] dict = {"a", "u1", "u2", "u3", "u4", "u5", "u6", "u7"};
        int[] codes = {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6, 7};
        FeatureComparison fc = FeatureComparator.compareCategorical("colour", ref, dict, codes);
        assertEquals(List.of("u2", "u3", "u4", "u1", "u5", "u6", "u7"), fc.dataQuality().unseenCategories());
        assertEquals(11.0 / 19, fc.dataQuality().unseenCategoryShare(), 1e-15);
        String s = fc.explanation().sentence();
        assertTrue(s.endsWith("; 57.9% of rows have categories never seen in the reference: \"u2\", \"u3\", \"u4\" "
                + "and 4 more"), s);

        FeatureComparison seen = FeatureComparator.compareCategorical("colour", ref, new String[] {"a"}, new int[] {0, 0});
        assertEquals(List.of(), seen.dataQuality().unseenCategories());
        assertFalse(seen.explanation().sentence().contains("never seen"), seen.explanation().sentence());
    }

    @Test
    void singleCategoryGivesZeroStatisticAndPOne() {
        CategoricalReferenceProfile ref = CategoricalReferenceProfile.of(new String[] {"only"}, new int[] {0, 0});
        FeatureComparison fc = FeatureComparator.compareCategorical("c", ref, new String[] {"only"}, new int[] {0});
        assertEquals(0.0, fc.statistic());
        assertEquals(1.0, fc.pValue());
    }

    @Test
    void invalidCodesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> CategoricalReferenceProfile.of(new String[] {"a"}, new int[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> CategoricalReferenceProfile.of(new String[] {"a"}, new int[] {-2}));
    }

    @Test
    void millionValueProfileIsAboutEightMegabytes() {
        double[] values = Fixtures.uniforms(99, 1_000_000);
        NumericReferenceProfile profile = NumericReferenceProfile.of(values);
        byte[] bytes = profile.toBytes();
        assertTrue(bytes.length <= 8_000_000 + 1024, "profile bytes " + bytes.length);
        NumericReferenceProfile back = NumericReferenceProfile.fromBytes(bytes);
        assertEquals(profile, back);
        assertEquals(profile.mean(), back.mean());
        assertEquals(profile.p50(), back.p50());
        assertThrows(IllegalArgumentException.class, () -> NumericReferenceProfile.fromBytes(new byte[40]));
    }

    @Test
    void categoricalProfileRoundTripKeepsUnicodeAndMergesDuplicates() {
        CategoricalReferenceProfile p = CategoricalReferenceProfile.of(new String[] {"Zürich", "東京", "Zürich", "none"},
                new int[] {0, 1, 2, 2, -1});
        assertEquals(List.of("Zürich", "東京"), p.categories());
        assertEquals(3, p.counts()[0]);
        assertEquals(0.2, p.missingShare());
        assertEquals(p, CategoricalReferenceProfile.fromBytes(p.toBytes()));
    }

    @Test
    void compareAllKeepsInputOrder() {
        NumericReferenceProfile n = NumericReferenceProfile.of(Fixtures.uniforms(1, 500));
        CategoricalReferenceProfile c = CategoricalReferenceProfile.of(new String[] {"a", "b"}, new int[] {0, 1, 1});
        List<ColumnInput> columns = List.of(
                new ColumnInput.Numeric("n1", n, Fixtures.uniforms(2, 300)),
                new ColumnInput.Categorical("c1", c, new String[] {"b", "a"}, new int[] {0, 0, 1}),
                new ColumnInput.Numeric("n2", n, Fixtures.uniforms(3, 300)));
        List<FeatureComparison> out = FeatureComparator.compareAll(columns);
        assertEquals(List.of("n1", "c1", "n2"), out.stream().map(FeatureComparison::feature).toList());
        assertEquals(FeatureComparator.compare(columns.get(2)), out.get(2));
    }

    @Test
    void numberFormatting() {
        assertEquals("41,200", Explanations.number(41200));
        assertEquals("52,801", Explanations.number(52800.7));
        assertEquals("3.142", Explanations.number(Math.PI));
        assertEquals("0.01235", Explanations.number(0.0123456));
        assertEquals("-7", Explanations.number(-7));
        assertEquals("38%", Explanations.percent(0.38));
        assertEquals("9.5%", Explanations.percent(0.095));
        assertEquals("0.04%", Explanations.percent(0.0004));
    }
}
