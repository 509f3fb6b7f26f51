package io.modeltrust.alert.rules;

import java.time.Duration;

/**
 * A validated rule. {@code persistBatches} (≥ 1) or a non-null {@code persistDuration} says how long
 * a breach must last before an alert opens; {@code cooldown} null means the service default, and so
 * does {@code alpha} (the significance level). {@code task} null means every model task; {@code minRows}
 * null means {@link #defaultMinRows}.
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
        String task,
        Integer minRows) {

    /** A rule without the later options {@code alpha} and {@code task}. */
    public AlertRule(String id, MetricPath path, Comparison comparison, double threshold, Severity severity, String kind,
                     int persistBatches, Duration persistDuration, boolean requireSignificance, boolean groupByBatch,
                     Duration cooldown, boolean enabled, String description) {
        this(id, path, comparison, threshold, severity, kind, persistBatches, persistDuration, requireSignificance,
                groupByBatch, cooldown, enabled, description, null, null, null);
    }

    /** Labelled rows below which a realised performance figure is not judged: accuracy on 40 rows moves by 0.08. */
    public static final int PERFORMANCE_MIN_ROWS = 100;
    /** Rows below which drift and data quality are not judged. */
    public static final int DRIFT_MIN_ROWS = 200;

    /**
     * The rows a result of this section must rest on, and where the result says how many it has:
     * labelled rows for realised performance, rows for estimates, drift and data quality; fairness has
     * its own minimum group size.
     */
    public static int defaultMinRows(Section section) {
        return switch (section) {
            case PERFORMANCE -> PERFORMANCE_MIN_ROWS;
            case PERFORMANCE_ESTIMATED, DRIFT, DRIFT_FEATURE, DRIFT_PREDICTION, DRIFT_LABEL, DRIFT_MULTIVARIATE,
                 DRIFT_DOMAIN_CLASSIFIER, DRIFT_SEGMENT, DATA_QUALITY, DRIFT_PREVIOUS, DRIFT_PREVIOUS_FEATURE,
                 DRIFT_PREVIOUS_PREDICTION -> DRIFT_MIN_ROWS;
            case FAIRNESS_ATTRIBUTE, FAIRNESS_GROUP -> 0;
        };
    }

    /** The path of the row count {@link #minRows} is compared with, or null where none applies. */
    public String rowsPath() {
        return switch (path.section()) {
            case PERFORMANCE -> "performance.labeledRows";
            case PERFORMANCE_ESTIMATED -> "performance.rows";
            // a segment's own minimum (drift.minSegmentRows) was applied when it was compared
            case DRIFT, DRIFT_FEATURE, DRIFT_PREDICTION, DRIFT_LABEL, DRIFT_MULTIVARIATE, DRIFT_DOMAIN_CLASSIFIER,
                 DRIFT_SEGMENT, DATA_QUALITY, DRIFT_PREVIOUS, DRIFT_PREVIOUS_FEATURE, DRIFT_PREVIOUS_PREDICTION ->
                    "drift.rows";
            case FAIRNESS_ATTRIBUTE, FAIRNESS_GROUP -> null;
        };
    }

    public int minRowsOrDefault() {
        return minRows != null ? minRows : defaultMinRows(path.section());
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
                enabled, description, alpha, task, minRows);
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
