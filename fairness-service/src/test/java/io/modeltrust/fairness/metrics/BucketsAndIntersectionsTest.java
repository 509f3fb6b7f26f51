package io.modeltrust.fairness.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketsAndIntersectionsTest {

    @Test
    void edgesBelongToTheBucketAbove() {
        CategoricalAttribute a = NumericBuckets.bucketize("age",
                new double[] {24.999, 25, 34.9, 35, 49, 50, 80, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY},
                new double[] {25, 35, 50});
        assertArrayEquals(new String[] {"<25", "25-35", "35-50", ">=50"}, a.dictionary());
        assertArrayEquals(new int[] {0, 1, 1, 2, 2, 3, 3, -1, 0, 3}, a.codes());
        assertEquals("(missing)", a.groupName(a.codes()[7]));
    }

    @Test
    void edgeLabelsArePlainShortestDecimals() {
        assertArrayEquals(new String[] {"<0.1", "0.1-2.5", "2.5-1000", ">=1000"}, NumericBuckets.labels(new double[] {0.1, 2.5, 1000}));
        assertEquals("0.001", NumericBuckets.formatEdge(1e-3));
        assertEquals("0", NumericBuckets.formatEdge(-0.0));
        assertEquals("-2.5", NumericBuckets.formatEdge(-2.5));
        assertEquals("10000000000000000", NumericBuckets.formatEdge(1e16));
    }

    @Test
    void badEdgesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NumericBuckets.labels(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> NumericBuckets.labels(new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> NumericBuckets.labels(new double[] {Double.NaN}));
    }

    @Test
    void crossKeepsTheKnownPartOfAMissingValue() {
        CategoricalAttribute sex = new CategoricalAttribute("sex", new String[] {"female", "male", "other"}, new int[] {0, 1, -1, 0, 1});
        CategoricalAttribute band = new CategoricalAttribute("age_band", new String[] {"18-24", "25-34"}, new int[] {1, -1, 0, 1, 1});
        CategoricalAttribute x = Intersections.cross(sex, band);
        assertEquals("sex|age_band", x.name());
        String[] names = new String[5];
        for (int i = 0; i < 5; i++) {
            names[i] = x.groupName(x.codes()[i]);
        }
        assertArrayEquals(new String[] {"female|25-34", "male|(missing)", "(missing)|18-24", "female|25-34", "male|25-34"}, names);
        assertEquals(4, x.dictionary().length, "only combinations that occur");
    }

    @Test
    void anIntersectionComparesWithTheLargestCellOfItsAttributesPrivilegedValues() {
        // female|young is the largest cell overall; privileged sex=male makes male|old (the larger male cell) the reference.
        int[] sex = new int[100];
        int[] age = new int[100];
        for (int i = 0; i < 100; i++) {
            sex[i] = i < 50 ? 0 : 1;                       // 0 female, 1 male
            age[i] = i < 50 ? 0 : (i < 70 ? 0 : 1);        // female: all young; male: 20 young, 30 old
        }
        CategoricalAttribute s = new CategoricalAttribute("sex", new String[] {"female", "male"}, sex);
        CategoricalAttribute a = new CategoricalAttribute("age", new String[] {"young", "old"}, age);
        boolean[] decisions = new boolean[100];
        FairnessReport report = FairnessEngine.compute(List.of(s, a), decisions, null,
                new FairnessOptions(1, Map.of("sex", "male"), List.of(List.of("sex", "age"))));
        AttributeFairness crossed = report.attributes().get(2);
        assertEquals("sex|age", crossed.attribute());
        assertEquals("male|old", crossed.referenceGroup());
        assertTrue(crossed.referenceIsPrivileged());
        assertNull(FairnessEngine.privilegedCell(Intersections.cross(s, a), null, null), "no privileged value: largest cell");
        FairnessReport explicit = FairnessEngine.compute(List.of(s, a), decisions, null,
                new FairnessOptions(1, Map.of("sex", "male", "sex|age", "male|young"), List.of(List.of("sex", "age"))));
        assertEquals("male|young", explicit.attributes().get(2).referenceGroup(), "a configured cell wins");
    }

    @Test
    void inputsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new CategoricalAttribute("a", new String[] {"x", "x"}, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new CategoricalAttribute("a", new String[] {"(missing)"}, new int[0]));
        CategoricalAttribute a = new CategoricalAttribute("a", new String[] {"x"}, new int[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> FairnessCalculator.compute(a, new boolean[2], null, 30, null));
        CategoricalAttribute b = new CategoricalAttribute("a", new String[] {"x"}, new int[] {0, 0});
        assertThrows(IllegalArgumentException.class, () -> FairnessCalculator.compute(b, new boolean[3], null, 30, null));
        assertThrows(IllegalArgumentException.class, () -> FairnessCalculator.compute(b, new boolean[2], new byte[] {1, 2}, 30, null));
        assertThrows(IllegalArgumentException.class, () -> FairnessEngine.compute(List.of(b), new boolean[2], null,
                new FairnessOptions(30, Map.of(), List.of(List.of("a", "nope")))));
    }

    @Test
    void emptyBatchHasNoGroups() {
        AttributeFairness f = FairnessCalculator.compute(new CategoricalAttribute("a", new String[] {"x"}, new int[0]),
                new boolean[0], null, 30, null);
        assertTrue(f.groups().isEmpty());
        assertNull(f.referenceGroup());
        assertNull(f.demographicParityDifference());
    }

    @Test
    void explanationUsesTheConfiguredNoun() {
        int[] codes = new int[200];
        boolean[] approved = new boolean[200];
        for (int i = 0; i < 200; i++) {
            codes[i] = i < 100 ? 0 : 1;
            approved[i] = i < 100 ? i % 10 < 3 : i % 10 < 6;
        }
        AttributeFairness f = FairnessCalculator.compute(
                new CategoricalAttribute("sex", new String[] {"female", "male"}, codes), approved, null, 30, "male");
        Explanation e = FairnessExplainer.explain(f, ExplanationOptions.defaults().withNoun("Approval rate"));
        assertEquals("Approval rate for sex=female is 0.30 (n=100) against 0.60 for sex=male (n=100): "
                + "ratio 0.50, below 0.8, p < 0.001", e.text());
        assertEquals("sex=female", e.subject());
        assertEquals(f.demographicParityRatio(), e.value());
        assertEquals(0.5, f.group("female").disparateImpactRatio());
    }
}
