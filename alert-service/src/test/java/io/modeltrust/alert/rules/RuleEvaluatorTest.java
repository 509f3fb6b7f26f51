package io.modeltrust.alert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.Results;
import io.modeltrust.model.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");
    private final RuleEvaluator evaluator = new RuleEvaluator(0.05);

    private static AlertRule rule(String id) {
        return DefaultRules.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static Snapshot drift(int hour, List<String> drifted) {
        return Snapshot.of(new BatchKey(T0.plus(Duration.ofHours(hour)), "b" + hour),
                1, ResultFlattener.flatten(Json.MAPPER.valueToTree(
                        Results.drift("m", "b" + hour, T0.plus(Duration.ofHours(hour)), drifted, Map.of()))));
    }

    /** History over a list of snapshots, as the pipeline's windows provide it. */
    private static History over(List<Snapshot> all) {
        return (key, n) -> {
            List<Snapshot> out = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0 && out.size() < n; i--) {
                if (all.get(i).key().isBefore(key)) {
                    out.add(all.get(i));
                }
            }
            return out;
        };
    }

    @Test
    void oneFindingPerMatchedSubject() {
        List<Finding> f = evaluator.evaluate(rule("drift.features"), drift(0, List.of("income", "age")), History.NONE);
        assertEquals(5, f.size());
        assertEquals(List.of("income", "age"), f.stream().filter(Finding::breach).map(Finding::subject).toList());
    }

    @Test
    void persistenceNeedsConsecutiveBreachingBatches() {
        AlertRule r = rule("retraining.drift"); // driftShare >= 0.3 for 3 batches
        List<Snapshot> s = List.of(drift(0, List.of("income", "age")), drift(1, List.of("income", "age")),
                drift(2, List.of("income")), drift(3, List.of("income", "age")), drift(4, List.of("income", "age")),
                drift(5, List.of("income", "age", "purpose")));
        History h = over(s);
        assertFalse(evaluator.evaluate(r, s.get(1), h).get(0).persisted(), "only two batches so far");
        assertFalse(evaluator.evaluate(r, s.get(3), h).get(0).persisted(), "batch 2 broke the run");
        assertFalse(evaluator.evaluate(r, s.get(4), h).get(0).persisted());
        Finding f = evaluator.evaluate(r, s.get(5), h).get(0);
        assertTrue(f.persisted());
        assertEquals(List.of("b3", "b4"), f.window().stream().map(Finding.WindowValue::batchId).toList());
    }

    @Test
    void durationPersistenceSpansTime() {
        AlertRule r = new AlertRule("x", MetricPath.parse("drift.driftShare"), Comparison.GTE, 0.3, Severity.WARNING,
                "drift", 1, Duration.ofHours(2), false, false, null, true, null);
        List<Snapshot> s = List.of(drift(0, List.of()), drift(1, List.of("income", "age")), drift(2, List.of("income", "age")),
                drift(3, List.of("income", "age")));
        History h = over(s);
        assertFalse(evaluator.evaluate(r, s.get(2), h).get(0).persisted(), "breaching since hour 1: one hour");
        assertTrue(evaluator.evaluate(r, s.get(3), h).get(0).persisted(), "breaching since hour 1: two hours");
    }

    @Test
    void significanceFromGroupPValue() {
        AlertRule r = rule("fairness.statistical-parity");
        Snapshot significant = Snapshot.of(new BatchKey(T0, "b"), 1,
                ResultFlattener.flatten(Json.MAPPER.valueToTree(Results.fairness("m", "b", T0, 0.3, 0.001))));
        Snapshot noise = Snapshot.of(new BatchKey(T0, "b"), 1,
                ResultFlattener.flatten(Json.MAPPER.valueToTree(Results.fairness("m", "b", T0, 0.3, 0.2))));
        Snapshot unknown = Snapshot.of(new BatchKey(T0, "b"), 1,
                ResultFlattener.flatten(Json.MAPPER.valueToTree(Results.fairness("m", "b", T0, 0.3, null))));
        assertTrue(female(evaluator.evaluate(r, significant, History.NONE)).breach());
        assertEquals(Severity.WARNING, female(evaluator.evaluate(r, significant, History.NONE)).severity());
        Finding dip = female(evaluator.evaluate(r, noise, History.NONE));
        assertTrue(dip.breach(), "a dip that may be noise is on record");
        assertEquals(Severity.INFO, dip.severity(), "but at info: it pages nobody");
        assertFalse(female(evaluator.evaluate(r, unknown, History.NONE)).breach(), "no p-value: nothing shown beyond noise");
    }

    @Test
    void theAdjustedPValueDecidesAndSmallOrFavouredGroupsDoNotPage() {
        AlertRule impact = rule("fairness.disparate-impact");
        com.fasterxml.jackson.databind.node.ObjectNode tree = Results.fairness("m", "b", T0, 0.3, 0.01);
        femaleNode(tree).put("adjustedPValue", 0.12);
        Finding adjusted = female(evaluator.evaluate(impact, snapshot(tree), History.NONE));
        assertEquals(Severity.INFO, adjusted.severity(), "p = 0.01 is 0.12 after the adjustment across the batch's groups");

        tree = Results.fairness("m", "b", T0, 0.3, 0.001);
        assertEquals(Severity.CRITICAL, female(evaluator.evaluate(impact, snapshot(tree), History.NONE)).severity());
        femaleNode(tree).put("eligible", false);
        assertFalse(female(evaluator.evaluate(impact, snapshot(tree), History.NONE)).breach(),
                "a group under the minimum group size says nothing");

        Finding favoured = female(evaluator.evaluate(rule("fairness.statistical-parity"),
                snapshot(Results.fairness("m", "b", T0, 0.7, 0.001)), History.NONE));
        assertEquals(Severity.INFO, favoured.severity(), "selected more often than the reference group: info");
        AlertRule oneSided = new AlertRule("favoured", MetricPath.parse("fairness.*.groups.*.statisticalParityDifference"),
                Comparison.GT, 0.1, Severity.WARNING, "fairness", 1, null, true, false, null, true, null);
        assertEquals(Severity.WARNING, female(evaluator.evaluate(oneSided,
                snapshot(Results.fairness("m", "b", T0, 0.7, 0.001)), History.NONE)).severity(), "a rule that asks for it");
    }

    @Test
    void aResultOnTooFewRowsIsNotJudged() {
        com.fasterxml.jackson.databind.node.ObjectNode few = Results.performance("m", "b", T0, 1, 0.60, 0.02, 0.9);
        few.put("labeledRows", 40);
        assertTrue(evaluator.evaluate(rule("performance.accuracy-drop"), snapshot(few), History.NONE).isEmpty(),
                "40 labelled rows: below the default minRows of 100");
        AlertRule permissive = new AlertRule("low", MetricPath.parse("performance.accuracy.changeFromBaseline"),
                Comparison.LT, -0.05, Severity.WARNING, "performance", 1, null, false, false, null, true, null, null, null,
                20);
        assertTrue(evaluator.evaluate(permissive, snapshot(few), History.NONE).get(0).breach());
        com.fasterxml.jackson.databind.node.ObjectNode drift = Results.drift("m", "b", T0, List.of("income"), Map.of());
        drift.put("rows", 150);
        assertTrue(evaluator.evaluate(rule("drift.features"), snapshot(drift), History.NONE).isEmpty(),
                "150 rows: below drift's 200");
    }

    private static Snapshot snapshot(com.fasterxml.jackson.databind.JsonNode tree) {
        return Snapshot.of(new BatchKey(T0, "b"), 1, ResultFlattener.flatten(tree));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode femaleNode(com.fasterxml.jackson.databind.JsonNode tree) {
        for (com.fasterxml.jackson.databind.JsonNode g : tree.path("attributes").get(0).path("groups")) {
            if (g.path("group").asText().equals("female")) {
                return (com.fasterxml.jackson.databind.node.ObjectNode) g;
            }
        }
        throw new AssertionError("no female group");
    }

    @Test
    void significanceFromIntervalAroundBaseline() {
        AlertRule r = rule("performance.accuracy-drop"); // change < -0.05, significance required
        Snapshot narrow = Snapshot.of(new BatchKey(T0, "b"), 1,
                ResultFlattener.flatten(Json.MAPPER.valueToTree(Results.performance("m", "b", T0, 1, 0.80, 0.02, 0.9))));
        Snapshot wide = Snapshot.of(new BatchKey(T0, "b"), 1,
                ResultFlattener.flatten(Json.MAPPER.valueToTree(Results.performance("m", "b", T0, 1, 0.80, 0.1, 0.9))));
        assertTrue(evaluator.evaluate(r, narrow, History.NONE).get(0).breach());
        Finding f = evaluator.evaluate(r, wide, History.NONE).get(0);
        assertEquals(Boolean.FALSE, f.significant());
        assertFalse(f.breach(), "the interval [0.70, 0.90] contains the baseline 0.87");
    }

    @Test
    void noLabelsMeansNoFinding() {
        Snapshot unlabeled = Snapshot.of(new BatchKey(T0, "b"), 1,
                ResultFlattener.flatten(Json.MAPPER.valueToTree(Results.performance("m", "b", T0, 1, null, 0, 0))));
        assertTrue(evaluator.evaluate(rule("performance.accuracy-drop"), unlabeled, History.NONE).isEmpty());
    }

    private static Finding female(List<Finding> findings) {
        return findings.stream().filter(f -> "sex=female".equals(f.subject())).findFirst().orElseThrow();
    }
}
