package io.modeltrust.alert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.alert.Results;
import io.modeltrust.model.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultFlattenerTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    static Snapshot snapshot(Object result) {
        JsonNode tree = Json.MAPPER.valueToTree(result);
        return Snapshot.of(new BatchKey(AT, "b1"), 1, ResultFlattener.flatten(tree));
    }

    @Test
    void driftFieldsBooleansAndDataQuality() {
        Snapshot s = snapshot(Results.drift("m", "b1", AT, List.of("income", "age"), Map.of("amount", 0.08)));
        assertEquals(0.4, s.value("drift.driftShare"));
        assertEquals(0.0, s.value("drift.datasetDrift"));
        assertEquals(1.0, s.value("drift.features.income.drifted"));
        assertEquals(0.0, s.value("drift.features.purpose.drifted"));
        assertEquals(0.42, s.value("drift.features.age.psi"));
        assertEquals(0.08, s.value("drift.dataQuality.amount.missingShareChange"), 1e-12);
        assertNull(s.value("drift.features.unknown.psi"));
    }

    @Test
    void multivariatePartIsAddressable() {
        ObjectNode tree = Json.MAPPER.valueToTree(Results.drift("m", "b1", AT, List.of()));
        tree.putObject("multivariate").put("method", "pca_reconstruction").put("value", 1.185).put("lower", 0.756)
                .put("upper", 0.878).put("drifted", true).putArray("contributors").add("x2");
        Snapshot s = Snapshot.of(new BatchKey(AT, "b1"), 1, ResultFlattener.flatten(tree));
        assertEquals(1.185, s.value("drift.multivariate.value"));
        assertEquals(0.756, s.value("drift.multivariate.lower"));
        assertEquals(0.878, s.value("drift.multivariate.upper"));
        assertEquals(1.0, s.value("drift.multivariate.drifted"));
    }

    @Test
    void segmentFeaturesAreAddressableBySegmentAndFeature() {
        ObjectNode tree = Json.MAPPER.valueToTree(Results.drift("m", "b1", AT, List.of()));
        ObjectNode s = tree.putArray("segments").addObject().put("segment", "region=east").put("rows", 4000);
        s.putArray("features").addObject().put("feature", "tenure").put("psi", 0.31).put("drifted", true)
                .put("wasserstein", 0.9);
        Snapshot snap = Snapshot.of(new BatchKey(AT, "b1"), 1, ResultFlattener.flatten(tree));
        assertEquals(0.31, snap.value("drift.segments.region=east.features.tenure.psi"));
        assertEquals(1.0, snap.value("drift.segments.region=east.features.tenure.drifted"));
        assertNull(snap.value("drift.segments.region=east.features.tenure.wasserstein"), "not a segment series");
        assertNull(snap.value("drift.features.tenure.psi"), "a segment's figure is not the whole batch's");
    }

    @Test
    void previousSectionIsAddressable() {
        ObjectNode tree = Json.MAPPER.valueToTree(Results.drift("m", "b1", AT, List.of()));
        tree.put("referenceMode", "both");
        ObjectNode previous = tree.putObject("previous").put("batches", 3).put("rows", 12000).put("driftShare", 0.5)
                .put("datasetDrift", true).put("driftedFeatures", 1);
        previous.putArray("features").addObject().put("feature", "tenure").put("psi", 0.31).put("drifted", true);
        previous.putObject("prediction").put("feature", "approved").put("pValue", 0.002);
        Snapshot s = Snapshot.of(new BatchKey(AT, "b1"), 1, ResultFlattener.flatten(tree));
        assertEquals(3.0, s.value("drift.previous.batches"));
        assertEquals(12000.0, s.value("drift.previous.rows"));
        assertEquals(1.0, s.value("drift.previous.datasetDrift"));
        assertEquals(0.31, s.value("drift.previous.features.tenure.psi"));
        assertEquals(1.0, s.value("drift.previous.features.tenure.drifted"));
        assertEquals(0.002, s.value("drift.previous.prediction.pValue"));
        assertNull(s.value("drift.features.tenure.psi"), "the top level is not the previous section");
    }

    @Test
    void theDomainClassifierPartIsAddressableBesideIt() {
        ObjectNode tree = Json.MAPPER.valueToTree(Results.drift("m", "b1", AT, List.of()));
        tree.putObject("multivariate").put("method", "pca_reconstruction").put("value", 0.83).put("lower", 0.756)
                .put("upper", 0.878).put("drifted", false).putArray("contributors");
        tree.putObject("domainClassifier").put("method", "domain_classifier").put("value", 0.82).put("lower", 0.496)
                .put("upper", 0.55).put("drifted", true).putArray("contributors").add("x2").add("x1");
        Snapshot s = Snapshot.of(new BatchKey(AT, "b1"), 1, ResultFlattener.flatten(tree));
        assertEquals(0.82, s.value("drift.domainClassifier.value"));
        assertEquals(0.55, s.value("drift.domainClassifier.upper"));
        assertEquals(1.0, s.value("drift.domainClassifier.drifted"));
        assertEquals(0.0, s.value("drift.multivariate.drifted"), "each part under its own path");
    }

    @Test
    void performanceChangeIntervalAndEstimated() {
        Snapshot s = snapshot(Results.performance("m", "b1", AT, 1, 0.80, 0.02, 0.75));
        assertEquals(0.80, s.value("performance.accuracy"));
        assertEquals(-0.07, s.value("performance.accuracy.changeFromBaseline"), 1e-12);
        assertEquals(0.78, s.value("performance.accuracy.intervalLow"), 1e-12);
        assertEquals(0.87, s.value("performance.accuracy.baseline"));
        assertEquals(0.85, s.value("performance.estimated.accuracy"));
        assertEquals(1.0, s.value("performance.labelCoverage"));
    }

    @Test
    void fairnessAttributesAndGroups() {
        Snapshot s = snapshot(Results.fairness("m", "b1", AT, 0.35, 0.001));
        assertEquals(0.7, s.value("fairness.sex.demographicParityRatio"), 1e-12);
        assertEquals(-0.15, s.value("fairness.sex.groups.female.statisticalParityDifference"), 1e-12);
        assertEquals(0.001, s.value("fairness.sex.groups.female.pValue"));
        assertNull(s.value("fairness.sex.groups.male.pValue"));
    }

    @Test
    void unknownFieldsAndOddValuesAreIgnored() {
        ObjectNode tree = Json.MAPPER.valueToTree(Results.drift("m", "b1", AT, List.of("income")));
        tree.put("newTopLevelThing", "x");
        tree.put("driftShare", "not a number");
        ((ObjectNode) tree.withArray("features").get(0)).put("psi", (String) null);
        ((ObjectNode) tree.withArray("features").get(0)).put("brandNewStatistic", 3.0);
        Snapshot s = Snapshot.of(new BatchKey(AT, "b1"), 1, ResultFlattener.flatten(tree));
        assertNull(s.value("drift.driftShare"));
        assertNull(s.value("drift.features.income.psi"));
        assertEquals(1.0, s.value("drift.features.income.drifted"));
    }
}
