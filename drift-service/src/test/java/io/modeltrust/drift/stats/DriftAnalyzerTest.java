package io.modeltrust.drift.stats;

import static io.modeltrust.drift.stats.Fixtures.assertPValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.drift.stats.DriftReport.ColumnDrift;
import io.modeltrust.stats.BenjaminiHochberg;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Benjamini-Hochberg against statsmodels, and the drift decision rules. */
class DriftAnalyzerTest {

    private static final JsonNode FIXTURE = Fixtures.load("drift_bh.json");

    @Test
    void benjaminiHochbergMatchesStatsmodels() {
        for (JsonNode c : FIXTURE.get("bh")) {
            double[] adjusted = BenjaminiHochberg.adjust(Fixtures.toDoubles(c.get("p")));
            double[] expected = Fixtures.toDoubles(c.get("adjusted"));
            for (int i = 0; i < expected.length; i++) {
                Fixtures.assertStat(expected[i], adjusted[i], "adjusted[" + i + "]");
            }
        }
    }

    @Test
    void decisionUsesAdjustedPValueAndPsiGate() {
        JsonNode d = FIXTURE.get("decision");
        double[] p = Fixtures.toDoubles(d.get("p"));
        double[] psi = Fixtures.toDoubles(d.get("psi"));
        List<FeatureComparison> features = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            features.add(numeric("f" + i, p[i], psi[i]));
        }
        DriftConfig config = new DriftConfig("ks", "chi2", d.get("alpha").asDouble(),
                d.get("psiThreshold").asDouble(), d.get("share").asDouble());
        DriftReport report = new DriftAnalyzer(config).analyze(features);
        for (int i = 0; i < p.length; i++) {
            ColumnDrift f = report.features().get(i);
            Fixtures.assertStat(d.get("adjusted").get(i).asDouble(), f.decisionPValue(), "adjusted " + i);
            assertEquals(d.get("drifted").get(i).asBoolean(), f.drifted(), "drifted " + i);
        }
        Fixtures.assertStat(d.get("driftShare").asDouble(), report.driftShare(), "driftShare");
        assertEquals(d.get("datasetDrift").asBoolean(), report.datasetDrift());
    }

    @Test
    void predictionAndLabelStayOutsideTheBhFamily() {
        List<FeatureComparison> features = List.of(numeric("a", 0.04, 0.5), numeric("b", 0.9, 0.5));
        FeatureComparison prediction = numeric("prediction", 0.03, 0.2);
        FeatureComparison label = categorical("label", 0.03, 0.05);
        DriftReport report = new DriftAnalyzer(DriftConfig.defaults()).analyze(features, prediction, label);
        // feature a: adjusted 0.08 -> not drifted although its raw p is below alpha
        assertPValue(0.08, report.features().get(0).decisionPValue(), "a adjusted");
        assertFalse(report.features().get(0).drifted());
        assertEquals(0.03, report.prediction().decisionPValue());
        assertTrue(report.prediction().drifted());
        assertFalse(report.label().drifted(), "psi below threshold");
        assertEquals(0, report.driftedCount());
        assertFalse(report.datasetDrift());
    }

    @Test
    void untestableFeaturesAreNotDriftedAndLeaveTheBhSet() {
        FeatureComparison empty = FeatureComparator.compareNumeric("empty",
                NumericReferenceProfile.of(new double[] {1, 2, 3}), new double[] {Double.NaN, Double.NaN});
        List<FeatureComparison> features = List.of(numeric("a", 0.01, 0.5), empty);
        DriftReport report = new DriftAnalyzer(DriftConfig.defaults()).analyze(features);
        assertEquals(0.01, report.features().get(0).decisionPValue(), "BH over one testable feature");
        assertTrue(report.features().get(0).drifted());
        assertNull(report.features().get(1).decisionPValue());
        assertFalse(report.features().get(1).drifted());
        assertEquals(0.5, report.driftShare());
        assertTrue(report.datasetDrift());
    }

    @Test
    void emptyBatchAndConfigValidation() {
        DriftReport report = new DriftAnalyzer(DriftConfig.defaults()).analyze(List.of());
        assertEquals(0.0, report.driftShare());
        assertFalse(report.datasetDrift());
        assertNull(report.prediction());
        assertThrows(IllegalArgumentException.class, () -> new DriftConfig("psi", "chi2", 0.05, 0.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new DriftConfig("ks", "chi2", 0, 0.1, 0.5));
        DriftConfig d = DriftConfig.defaults();
        assertEquals(0.05, d.alpha());
        assertEquals(0.1, d.psiThreshold());
        assertEquals(0.5, d.datasetDriftShare());
        FeatureComparison wrong = new FeatureComparison("w", "numeric", "chi2", 1.0, 0.5, 0.1, 0.1, 0.1, 0.1, 1, 1,
                null, null);
        assertThrows(IllegalArgumentException.class, () -> new DriftAnalyzer(d).analyze(List.of(wrong)));
    }

    static FeatureComparison numeric(String name, double p, double psi) {
        return new FeatureComparison(name, "numeric", "ks", 0.1, p, psi, 0.1, 0.1, 0.1, 100, 100, null, null);
    }

    static FeatureComparison categorical(String name, double p, double psi) {
        return new FeatureComparison(name, "categorical", "chi2", 5.0, p, psi, 0.1, null, 0.1, 100, 100, null,
                null);
    }
}
