package io.modeltrust.alert.rules;

import java.time.Duration;

/**
 * A validated rule. {@code persistBatches} (≥ 1) or a non-null {@code persistDuration} says how long
 * a breach must last before an alert opens; {@code cooldown} null means the service default, and so
 * does {@code alpha} (the significance level). {@code task} null means every model task.
 */
public record AlertRule(
        String id,
        MetricPath path,
        Comparison comparison,
        double threshold,
        Severity severity,
        String kind,
        int persistBatches,
        Duration persistDuration,
        boolean requireSignificance,
        boolean groupByBatch,
        Duration cooldown,
        boolean enabled,
        String description,
        Double alpha,
        String task) {

    /** A rule without the later options {@code alpha} and {@code task}. */
    public AlertRule(String id, MetricPath path, Comparison comparison, double threshold, Severity severity, String kind,
                     int persistBatches, Duration persistDuration, boolean requireSignificance, boolean groupByBatch,
                     Duration cooldown, boolean enabled, String description) {
        this(id, path, comparison, threshold, severity, kind, persistBatches, persistDuration, requireSignificance,
                groupByBatch, cooldown, enabled, description, null, null);
    }

    public static final String GROUP_SUBJECT = "subject";
    public static final String GROUP_BATCH = "batch";

    /** The result kind this rule is evaluated on. */
    public String resultKind() {
        return path.section().resultKind();
    }

    /** The same rule in its client form, with every default written out. */
    public RuleDefinition toDefinition() {
        RuleDefinition.Persistence persistence = persistDuration != null
                ? new RuleDefinition.Persistence(null, persistDuration.toString())
                : new RuleDefinition.Persistence(persistBatches, null);
        return new RuleDefinition(id, path.canonical(), comparison.id(), threshold, severity.id(), kind, persistence,
                requireSignificance, groupByBatch ? GROUP_BATCH : GROUP_SUBJECT, cooldown == null ? null : cooldown.toString(),
                enabled, description, alpha, task);
    }

    /** The significance level this rule uses: its own, else the service's. */
    public double alphaOr(double serviceAlpha) {
        return alpha == null ? serviceAlpha : alpha;
    }

    /**
     * Whether the rule applies to a result of this task. Only performance results state their task;
     * on a result that does not, there is nothing to filter on and the rule applies.
     */
    public boolean appliesToTask(String resultTask) {
        return task == null || resultTask == null || task.equals(resultTask);
    }

    /** A one-line statement of the condition, for explanations and webhook texts. */
    public String condition() {
        String base = path.canonical() + " " + comparison.symbol() + " " + Numbers.format(threshold);
        if (persistDuration != null) {
            return base + " for " + persistDuration;
        }
        return persistBatches > 1 ? base + " for " + persistBatches + " consecutive batches" : base;
    }
}
