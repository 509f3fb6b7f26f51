package io.modeltrust.alert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {

    @Test
    void defaultsAreValidAndComplete() {
        List<AlertRule> rules = DefaultRules.rules();
        assertEquals(List.of("drift.dataset", "drift.features", "drift.segments", "drift.multivariate",
                "drift.domain-classifier", "drift.prediction", "performance.accuracy-drop",
                "performance.multiclass-accuracy-drop", "performance.macro-f1-drop", "performance.mae-increase",
                "performance.rmse-increase", "performance.roc-auc", "performance.ks", "fairness.disparate-impact",
                "fairness.statistical-parity", "data_quality.missing-share", "data_quality.unseen-categories",
                "retraining.drift", "retraining.accuracy"), rules.stream().map(AlertRule::id).toList());
        assertTrue(byId(rules, "drift.features").groupByBatch());
        assertEquals("data_quality", byId(rules, "data_quality.unseen-categories").kind());
        assertEquals(3, byId(rules, "retraining.drift").persistBatches());
        for (String fairness : List.of("fairness.disparate-impact", "fairness.statistical-parity")) {
            assertTrue(byId(rules, fairness).requireSignificance(), fairness + " pages on significant differences only");
            assertEquals(0.05, byId(rules, fairness).alphaOr(0.05));
        }
    }

    @Test
    void aRuleOnThePreviousBatchesFeaturesGroupsByBatchLikeOneOnTheFixedReference() {
        RuleDefinition d = new RuleDefinition("step", "drift.previous.features.*.drifted", "eq", 1.0, null, null, null,
                null, null, null, null, null, null, null);
        var result = RuleValidator.validate(List.of(d));
        assertTrue(result.ok(), result.toString());
        assertTrue(result.rules().get(0).groupByBatch());
        assertEquals("drift", result.rules().get(0).kind());
        assertEquals("drift.rows", result.rules().get(0).rowsPath());
    }

    @Test
    void alphaAndTaskAreCheckedAndKept() {
        RuleDefinition ok = new RuleDefinition("r", "fairness.*.groups.*.disparateImpactRatio", "lt", 0.8, null, null, null,
                true, null, null, null, null, 0.01, "binary_classification");
        var result = RuleValidator.validate(List.of(ok));
        assertTrue(result.ok());
        AlertRule rule = result.rules().get(0);
        assertEquals(0.01, rule.alphaOr(0.05));
        assertEquals(0.01, rule.toDefinition().alpha());
        assertEquals("binary_classification", rule.toDefinition().task());
        assertTrue(rule.appliesToTask("binary_classification"));
        assertTrue(rule.appliesToTask(null), "results that state no task are not filtered");
        assertFalse(rule.appliesToTask("regression"));

        var bad = RuleValidator.validate(List.of(new RuleDefinition("r", "drift.driftShare", "gt", 0.3, null, null, null,
                true, null, null, null, null, 1.5, "ranking")));
        assertEquals(List.of("alpha", "task"), bad.errors().stream().map(RuleValidator.RuleError::field).toList());
        assertFalse(RuleValidator.validate(List.of(new RuleDefinition("r", "drift.driftShare", "gt", 0.3, null, null, null,
                true, null, null, null, null, 0.0, null))).ok());
    }

    @Test
    void perFeatureDriftRulesGroupByBatchUnlessTheySayOtherwise() {
        var result = RuleValidator.validate(List.of(
                new RuleDefinition("a", "drift.features.*.psi", "gt", 0.2, null, null, null, null, null, null, null, null),
                new RuleDefinition("b", "drift.features.*.psi", "gt", 0.2, null, null, null, null, "subject", null, null, null),
                new RuleDefinition("c", "drift.features.income.psi", "gt", 0.2, null, null, null, null, null, null, null, null),
                new RuleDefinition("d", "drift.dataQuality.*.missingShare", "gt", 0.2, null, null, null, null, null, null, null,
                        null)));
        assertEquals(List.of(true, false, false, false), result.rules().stream().map(AlertRule::groupByBatch).toList());
    }

    private static AlertRule byId(List<AlertRule> rules, String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void symbolsAreNormalised() {
        var result = RuleValidator.validate(List.of(new RuleDefinition("r1", "drift.driftShare", ">=", 0.3, "critical", null,
                null, null, null, "PT1H", null, null)));
        assertTrue(result.ok());
        assertEquals("gte", result.rules().get(0).toDefinition().comparator());
        assertEquals("drift", result.rules().get(0).kind());
    }

    @Test
    void everyProblemIsReported() {
        var result = RuleValidator.validate(List.of(
                new RuleDefinition("ok", "drift.driftShare", "gt", 0.3, null, null, null, null, null, null, null, null),
                new RuleDefinition("bad path", "drift.nonsense", "~", null, "loud", "fairness",
                        new RuleDefinition.Persistence(0, null), null, "model", "soon", null, null),
                new RuleDefinition("ok", "performance.accuracy", "lt", 0.8, null, null, null, null, null, null, null, null)));
        assertEquals(List.of("id", "path", "comparator", "threshold", "severity", "persistence.batches", "group", "cooldown",
                "id"), result.errors().stream().map(RuleValidator.RuleError::field).toList());
        assertEquals(1, result.errors().get(1).index());
        assertEquals(2, result.errors().get(8).index());
    }

    @Test
    void durationsAreBoundedAndTheErrorNamesTheField() {
        var result = RuleValidator.validate(List.of(
                rule("a", "P366D", null), rule("b", "-PT1H", null), rule("c", null, "P9999999999999999D"),
                rule("d", "PT1H", "-P1D"), rule("e", "P365D", "P365D"), rule("f", "PT0S", "PT0S")));
        assertEquals(List.of("cooldown", "cooldown", "persistence.duration", "persistence.duration"),
                result.errors().stream().map(RuleValidator.RuleError::field).toList());
        assertEquals(List.of(0, 1, 2, 3), result.errors().stream().map(RuleValidator.RuleError::index).toList());
        assertTrue(result.errors().get(0).message().contains("maximum P365D"), result.errors().get(0).message());
        assertTrue(result.errors().get(1).message().contains("negative"), result.errors().get(1).message());
        assertTrue(result.errors().get(2).message().contains("maximum"), "an overflowing duration is too long, not malformed");
        assertTrue(RuleValidator.validate(List.of(rule("e", "P365D", "P365D"), rule("f", "PT0S", "PT0S"))).ok());
    }

    @Test
    void storedDurationsAboveTheMaximumCountAsTheMaximum() {
        var result = RuleValidator.validateStored(List.of(rule("old", "P100000D", "P9999999999999999D")));
        assertTrue(result.ok(), result.errors().toString());
        assertEquals(DurationBounds.MAX, result.rules().get(0).cooldown());
        assertEquals(DurationBounds.MAX, result.rules().get(0).persistDuration());
        assertEquals(Duration.ofHours(1), RuleValidator.validateStored(List.of(rule("x", "PT1H", null))).rules().get(0).cooldown());
        assertFalse(RuleValidator.validateStored(List.of(rule("neg", "-PT1H", null))).ok(), "only the maximum is forgiven");
    }

    private static RuleDefinition rule(String id, String cooldown, String persistFor) {
        return new RuleDefinition(id, "drift.driftShare", "gt", 0.3, null, null,
                persistFor == null ? null : new RuleDefinition.Persistence(null, persistFor), null, null, cooldown, null, null);
    }
}
