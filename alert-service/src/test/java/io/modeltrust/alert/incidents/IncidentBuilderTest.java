package io.modeltrust.alert.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.lifecycle.AlertView;
import io.modeltrust.model.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentBuilderTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private final Map<String, IncidentBuilder.BatchPlace> batches = new HashMap<>();
    private final Map<String, JsonNode> results = new HashMap<>();

    IncidentBuilderTest() {
        for (int i = 1; i <= 20; i++) {
            batches.put("b" + i, new IncidentBuilder.BatchPlace(T0.plus(Duration.ofDays(i)), i));
        }
    }

    private static AlertView alert(String id, String rule, String kind, String severity, String status, String subject,
                                   String metric, String first, String last) {
        return new AlertView(id, "m", last, rule, kind, severity, status, subject, null, metric, null, "lt", 0.0, 0.0, null,
                1, first, null, T0, T0, null, null, null, null, null, null, null);
    }

    private void result(String batch, String kind, String json) {
        results.put(batch + "/" + kind, Json.fromString(json, JsonNode.class));
    }

    @Test
    void overlappingSignalsAcrossKindsAreOneIncidentWithOneStory() {
        result("b14", "drift", """
                {"features":[{"feature":"income","drifted":true,"psi":0.31},{"feature":"age","drifted":false,"psi":0.01}]}""");
        result("b14", "performance", """
                {"metrics":{"accuracy":0.61},"baseline":{"accuracy":0.79},
                 "slices":[{"feature":"income","slice":"<= 39000","value":0.52}]}""");
        result("b14", "fairness", """
                {"attributes":[{"attribute":"sex","groups":[{"group":"female","selectionRate":0.31,"baselineSelectionRate":0.45}]}]}""");
        List<AlertView> alerts = List.of(
                alert("a-acc", "performance.accuracy-drop", "performance", "critical", "open", "", "accuracy.changeFromBaseline",
                        "b12", "b14"),
                alert("a-drift", "drift.features", "drift", "info", "open", "income", "drifted", "b6", "b14"),
                alert("a-fair", "fairness.disparate-impact", "fairness", "critical", "acknowledged", "sex=female",
                        "disparateImpactRatio", "b9", "b14"),
                alert("a-old", "drift.dataset", "drift", "warning", "resolved", "", "datasetDrift", "b1", "b2"));
        List<Incident> incidents = IncidentBuilder.build("m", alerts, batches, (b, k) -> results.get(b + "/" + k));
        assertEquals(2, incidents.size());
        Incident now = incidents.get(0);
        assertEquals(List.of("a-drift", "a-fair", "a-acc"), now.alerts().stream().map(Incident.Member::alertId).toList(),
                "in the order they began");
        assertEquals("a-drift", now.incidentId());
        assertEquals("open", now.status());
        assertEquals("critical", now.severity());
        assertEquals(List.of("drift", "fairness", "performance"), now.kinds());
        assertEquals("Income (PSI 0.31) has drifted since batch #6; the selection rate of sex=female fell from 0.45 to 0.31 "
                + "since batch #9; accuracy fell from 0.79 to 0.61 from batch #12; the worst slice is income <= 39000 (0.52).",
                now.explanation());
        Incident old = incidents.get(1);
        assertEquals("resolved", old.status());
        assertEquals(List.of("a-old"), old.alerts().stream().map(Incident.Member::alertId).toList());
    }

    @Test
    void multivariateDriftSaysTheJointDistributionMovedAndWhere() {
        result("b8", "drift", """
                {"features":[{"feature":"x1","drifted":false}],"multivariate":{"method":"pca_reconstruction","value":1.19,
                 "lower":0.76,"upper":0.88,"drifted":true,"contributors":["x2","x1"]}}""");
        List<AlertView> alerts = List.of(alert("mv", "drift.multivariate", "drift", "warning", "open", "", "multivariate.drifted",
                "b7", "b8"));
        assertEquals("The features' joint distribution has drifted since batch #7 (most in x2, x1).",
                IncidentBuilder.build("m", alerts, batches, (b, k) -> results.get(b + "/" + k)).get(0).explanation());
    }

    @Test
    void alertsThatDoNotOverlapStaySeparateAndMissingResultsSayLess() {
        List<AlertView> alerts = List.of(
                alert("x", "drift.dataset", "drift", "warning", "resolved", "", "datasetDrift", "b3", "b4"),
                alert("y", "drift.dataset", "drift", "warning", "open", "", "datasetDrift", "b5", "b5"));
        List<Incident> incidents = IncidentBuilder.build("m", alerts, batches, (b, k) -> null);
        assertEquals(2, incidents.size());
        assertEquals("The data has drifted since batch #5.", incidents.get(0).explanation());
        assertNull(IncidentBuilder.build("m", List.of(alert("z", "custom", "other", "info", "open", "", "x", "b1", "b1")),
                batches, (b, k) -> null).get(0).explanation());
    }
}
