package io.modeltrust.alert.rules;

/**
 * What a fairness group's breach of a rule that requires significance is worth. A group below the
 * result's minimum group size ({@code eligible} false) or without a tested difference shows nothing
 * beyond noise: no breach. A difference that is not significant after the fairness service's
 * Benjamini–Hochberg adjustment across the batch's groups is at most {@code info}, so a dip of 18 in 60
 * (p = 0.12) is on record without paging anyone. A group the model favours (selected more often than
 * the reference group) is {@code info} under a two-sided rule ({@code absGt}); a rule that asks for
 * favoured groups by its direction ({@code gt} on the difference) keeps its severity.
 */
final class FairnessVerdict {

    private FairnessVerdict() {
    }

    static Severity severity(AlertRule rule, MetricPath path, Boolean significant, Snapshot s) {
        Double eligible = s.value(path.withField("eligible"));
        if (significant == null || (eligible != null && eligible == 0)) {
            return null;
        }
        if (!significant || (twoSided(rule) && favoured(path, s))) {
            return Severity.INFO;
        }
        return rule.severity();
    }

    static boolean favoured(MetricPath path, Snapshot s) {
        Double spd = s.value(path.withField("statisticalParityDifference"));
        return spd != null && spd > 0;
    }

    private static boolean twoSided(AlertRule rule) {
        return rule.comparison() == Comparison.ABS_GT || rule.comparison() == Comparison.ABS_GTE;
    }
}
