package io.modeltrust.alert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricPathTest {

    @Test
    void issueExamplesParseAndRoundTrip() {
        for (String p : List.of("fairness.sex.demographicParityRatio", "performance.accuracy.changeFromBaseline",
                "drift.driftShare", "drift.features.*.drifted", "drift.dataQuality.*.missingShareChange",
                "fairness.*.groups.*.statisticalParityDifference", "performance.estimated.accuracy",
                "performance.estimated.f1.changeFromBaseline", "performance.labelCoverage", "drift.prediction.psi",
                "drift.label.pValue", "drift.multivariate.drifted", "drift.domainClassifier.value",
                "performance.rocAuc.relativeChange",
                "drift.previous.driftShare", "drift.previous.features.*.drifted", "drift.previous.prediction.psi",
                "fairness.sex|age_band.groups.female|18-25.pValue")) {
            assertEquals(p, MetricPath.parse(p).canonical(), p);
        }
    }

    @Test
    void sectionsSubjectsAndFields() {
        MetricPath group = MetricPath.parse("fairness.sex.groups.female.statisticalParityDifference");
        assertEquals(Section.FAIRNESS_GROUP, group.section());
        assertEquals("sex=female", group.subjectLabel());
        assertEquals("statisticalParityDifference", group.field());
        MetricPath perf = MetricPath.parse("performance.accuracy.changeFromBaseline");
        assertEquals(Section.PERFORMANCE, perf.section());
        assertEquals("accuracy.changeFromBaseline", perf.field());
        MetricPath dq = MetricPath.parse("drift.dataQuality.*.missingShareChange");
        assertEquals("data_quality", dq.section().alertKind());
        assertFalse(dq.isConcrete());
    }

    @Test
    void segmentPathsNameTheSegmentAndTheFeature() {
        MetricPath p = MetricPath.parse("drift.segments.region=east.features.income.psi");
        assertEquals(Section.DRIFT_SEGMENT, p.section());
        assertEquals("region=east", p.subject());
        assertEquals("income", p.group());
        assertEquals("income in region=east", p.subjectLabel());
        assertEquals("drift.segments.region=east.features.income.psi", p.canonical());
        MetricPath rule = MetricPath.parse("drift.segments.*.features.*.drifted");
        assertFalse(rule.isConcrete());
        assertTrue(rule.matches(MetricPath.parse("drift.segments.plan=gold.v2.features.account.balance.drifted")));
        for (String bad : List.of("drift.segments.region=east.psi", "drift.segments.features.income.psi",
                "drift.segments.region=east.features.income.wasserstein", "drift.segments.region=east.features..psi")) {
            assertThrows(InvalidPathException.class, () -> MetricPath.parse(bad), bad);
        }
    }

    @Test
    void namesMayContainDots() {
        MetricPath p = MetricPath.parse("drift.features.account.balance.psi");
        assertEquals("account.balance", p.subject());
        assertEquals("psi", p.field());
    }

    @Test
    void wildcardsMatchWholeNames() {
        MetricPath rule = MetricPath.parse("fairness.*.groups.female.pValue");
        assertTrue(rule.matches(MetricPath.parse("fairness.sex.groups.female.pValue")));
        assertFalse(rule.matches(MetricPath.parse("fairness.sex.groups.male.pValue")));
        assertFalse(rule.matches(MetricPath.parse("fairness.sex.groups.female.count")));
    }

    @Test
    void unknownPathsAreRejectedWithAReason() {
        for (String bad : List.of("", "latency.p99", "drift.driftshare", "performance.acuracy", "drift.features.income",
                "drift.features.inc*.psi", "fairness.sex", "fairness.sex.groups.female.color",
                "performance.accuracy.changeFromBaselin", "drift.dataQuality..missingShare")) {
            assertThrows(InvalidPathException.class, () -> MetricPath.parse(bad), bad);
        }
    }

    @Test
    void comparatorsAcceptNamesAndSymbols() {
        assertEquals(Comparison.LT, Comparison.parse("<"));
        assertEquals(Comparison.GTE, Comparison.parse("gte"));
        assertEquals(Comparison.NEQ, Comparison.parse("!="));
        assertEquals(Comparison.ABS_GT, Comparison.parse("absGt"));
        assertTrue(Comparison.ABS_GT.test(-0.2, 0.1));
        assertFalse(Comparison.ABS_GTE.test(0.05, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Comparison.parse("~"));
    }
}
