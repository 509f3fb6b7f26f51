package io.modeltrust.alert.rules;

import java.util.List;

/**
 * The rules every new model starts with, taken from the seed checklists and a user trial's
 * "quiet on noise" findings: dataset, feature, segment and multivariate drift (PCA and, where the spec turns it
 * on, the domain classifier), always-on info notes for prediction drift, missing values and unseen categories, a
 * drop in the task's headline metrics against the baseline (accuracy for binary models, accuracy and
 * macro F1 for multiclass ones, a rise in MAE and RMSE for regression), weak ROC AUC and KS, the 80%
 * rule and statistical parity per group (only where the group's difference is significant), and the
 * two retraining recommendations. Task-specific rules carry {@code task}; their metrics are absent
 * from other tasks' results anyway, but accuracy is not, and one drop should page once.
 */
public final class DefaultRules {

    static final String BINARY = "binary_classification";
    static final String MULTICLASS = "multiclass_classification";
    static final String REGRESSION = "regression";

    private DefaultRules() {
    }

    public static List<RuleDefinition> definitions() {
        return List.of(
                rule("drift.dataset", "drift.datasetDrift", "eq", 1, "warning", null, 1, false, false,
                        "The share of drifted features reached the dataset-drift level."),
                rule("drift.features", "drift.features.*.drifted", "eq", 1, "info", null, 1, false, true,
                        "Features whose distribution drifted, listed in one alert per batch."),
                // Info like whole-batch feature drift; the sentence names the segment and its size.
                rule("drift.segments", "drift.segments.*.features.*.drifted", "eq", 1, "info", null, 1, false, true,
                        "Features that drifted inside a segment (model spec segments), listed in one alert per batch."),
                // Warning: the features' joint distribution moved although each one alone may look the same.
                rule("drift.multivariate", "drift.multivariate.drifted", "eq", 1, "warning", null, 1, false, false,
                        "The PCA reconstruction error of the features left its reference band (multivariate drift)."),
                // Warning: a classifier tells the batch from the reference; only where the spec turned the check on.
                rule("drift.domain-classifier", "drift.domainClassifier.drifted", "eq", 1, "warning", null, 1, false, false,
                        "A classifier tells the batch from the reference better than reference-against-reference "
                                + "splits allow (domain-classifier drift)."),
                rule("drift.prediction", "drift.prediction.drifted", "eq", 1, "info", null, 1, false, false,
                        "The distribution of the model's predictions drifted from the reference."),
                task(rule("performance.accuracy-drop", "performance.accuracy.changeFromBaseline", "lt", -0.05, "critical", null,
                        1, true, false, "Accuracy fell more than 0.05 below the reference baseline."), BINARY),
                task(rule("performance.multiclass-accuracy-drop", "performance.accuracy.changeFromBaseline", "lt", -0.05,
                        "critical", null, 1, true, false, "Accuracy fell more than 0.05 below the reference baseline."),
                        MULTICLASS),
                // Warning, not critical: macro F1 usually falls with accuracy, which already pages; on its own it
                // flags the minority classes that accuracy hides.
                task(rule("performance.macro-f1-drop", "performance.macroF1.changeFromBaseline", "lt", -0.05, "warning", null,
                        1, true, false, "Macro F1 fell more than 0.05 below the reference baseline."), MULTICLASS),
                // Relative, because MAE and RMSE are in the target's units: +20% means the same on any scale.
                task(rule("performance.mae-increase", "performance.mae.relativeChange", "gt", 0.2, "warning", null, 1, true,
                        false, "MAE rose more than 20% over the reference baseline, beyond its interval."), REGRESSION),
                task(rule("performance.rmse-increase", "performance.rmse.relativeChange", "gt", 0.2, "warning", null, 1, true,
                        false, "RMSE rose more than 20% over the reference baseline, beyond its interval."), REGRESSION),
                rule("performance.roc-auc", "performance.rocAuc", "lt", 0.80, "warning", null, 1, false, false,
                        "ROC AUC below 0.80."),
                rule("performance.ks", "performance.ks", "lt", 0.35, "warning", null, 1, false, false,
                        "KS statistic below 0.35."),
                // Per group, where the fairness service tests the difference: a small group's low ratio with
                // p = 0.14 is noise and must not page.
                rule("fairness.disparate-impact", "fairness.*.groups.*.disparateImpactRatio", "lt", 0.8, "critical", null, 1,
                        true, false, "A group's selection rate is under 0.8 of the reference group's (the 80% rule), "
                                + "and the difference is significant."),
                rule("fairness.statistical-parity", "fairness.*.groups.*.statisticalParityDifference", "absGt", 0.1, "warning",
                        null, 1, true, false, "A group's selection rate differs from the reference group's by more than 0.1, "
                                + "and the difference is significant."),
                rule("data_quality.missing-share", "drift.dataQuality.*.missingShareChange", "gt", 0.05, "info", null, 1,
                        false, false, "A column's share of missing values rose more than 5 points over the reference."),
                rule("data_quality.unseen-categories", "drift.dataQuality.*.unseenCategoryShare", "gt", 0.01, "info", null,
                        1, false, false, "More than 1% of a column's values are categories never seen in the reference."),
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

    private static RuleDefinition task(RuleDefinition d, String task) {
        return new RuleDefinition(d.id(), d.path(), d.comparator(), d.threshold(), d.severity(), d.kind(), d.persistence(),
                d.requireSignificance(), d.group(), d.cooldown(), d.enabled(), d.description(), d.alpha(), task);
    }
}
