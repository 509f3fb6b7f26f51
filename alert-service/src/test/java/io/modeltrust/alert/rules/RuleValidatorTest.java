package io.modeltrust.alert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {

    @Test
    void defaultsAreValidAndComplete() {
        List<AlertRule> rules = DefaultRules.rules();
        assertEquals(List.of("drift.dataset", "drift.features", "performance.accuracy-drop", "performance.roc-auc",
                "performance.ks", "fairness.disparate-impact", "fairness.statistical-parity", "data_quality.missing-share",
                "retraining.drift", "retraining.accuracy"), rules.stream().map(AlertRule::id).toList());
        assertTrue(rules.get(1).groupByBatch());
        assertEquals("data_quality", rules.get(7).kind());
        assertEquals(3, rules.get(8).persistBatches());
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
}
