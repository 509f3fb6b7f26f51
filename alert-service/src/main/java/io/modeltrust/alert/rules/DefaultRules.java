package io.modeltrust.alert.rules;

import java.util.List;

/**
 * The rules every new model starts with, taken from the seed checklists: dataset drift, drifted
 * features (one grouped alert per batch), an accuracy drop, weak ROC AUC and KS, the 80% rule,
 * statistical parity, rising missing shares, and the two retraining recommendations.
 */
public final class DefaultRules {

    private DefaultRules() {
    }

    public static List<RuleDefinition> definitions() {
        return List.of(
                rule("drift.dataset", "drift.datasetDrift", "eq", 1, "warning", null, 1, false, false,
                        "The share of drifted features reached the dataset-drift level."),
                rule("drift.features", "drift.features.*.drifted", "eq", 1, "info", null, 1, false, true,
                        "Features whose distribution drifted, listed in one alert per batch."),
                rule("performance.accuracy-drop", "performance.accuracy.changeFromBaseline", "lt", -0.05, "critical", null, 1,
                        true, false, "Accuracy fell more than 0.05 below the reference baseline."),
                rule("performance.roc-auc", "performance.rocAuc", "lt", 0.80, "warning", null, 1, false, false,
                        "ROC AUC below 0.80."),
                rule("performance.ks", "performance.ks", "lt", 0.35, "warning", null, 1, false, false,
                        "KS statistic below 0.35."),
                rule("fairness.disparate-impact", "fairness.*.demographicParityRatio", "lt", 0.8, "critical", null, 1, false,
                        false, "Demographic parity ratio under 0.8 (the 80% rule)."),
                rule("fairness.statistical-parity", "fairness.*.groups.*.statisticalParityDifference", "absGt", 0.1, "warning",
                        null, 1, true, false, "A group's selection rate differs from the reference group's by more than 0.1."),
                rule("data_quality.missing-share", "drift.dataQuality.*.missingShareChange", "gt", 0.05, "warning", null, 1,
                        false, false, "A column's share of missing values rose more than 0.05 over the reference."),
                rule("retraining.drift", "drift.driftShare", "gte", 0.3, "warning", "retraining", 3, false, false,
                        "Retraining recommended: at least 30% of features drifted in 3 consecutive batches."),
                rule("retraining.accuracy", "performance.accuracy.changeFromBaseline", "lt", -0.05, "warning", "retraining", 2,
                        true, false, "Retraining recommended: accuracy down more than 0.05 in 2 consecutive batches."));
    }

    public static List<AlertRule> rules() {
        RuleValidator.Result result = RuleValidator.validate(definitions());
        if (!result.ok()) {
            throw new IllegalStateException("default rules are invalid: " + result.errors());
        }
        return result.rules();
    }

    private static RuleDefinition rule(String id, String path, String comparator, double threshold, String severity,
                                       String kind, int batches, boolean significance, boolean byBatch, String description) {
        return new RuleDefinition(id, path, comparator, threshold, severity, kind, new RuleDefinition.Persistence(batches, null),
                significance, byBatch ? AlertRule.GROUP_BATCH : AlertRule.GROUP_SUBJECT, null, true, description);
    }
}
