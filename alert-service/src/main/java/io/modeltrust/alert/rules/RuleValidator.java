package io.modeltrust.alert.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns client rule definitions into {@link AlertRule}s, collecting every problem instead of stopping at the first. */
public final class RuleValidator {

    /** One problem; {@code index} is the rule's 0-based position in the list. */
    public record RuleError(int index, String field, String message) {
    }

    /** Either rules (no errors) or errors. */
    public record Result(List<AlertRule> rules, List<RuleError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Set<String> KINDS = Set.of("drift", "performance", "fairness", "data_quality", "retraining");
    private static final int MAX_RULES = 200;
    private static final int MAX_PERSIST_BATCHES = 1000;
    private static final Set<String> TASKS = Set.of("binary_classification", "multiclass_classification", "regression");

    private RuleValidator() {
    }

    /**
     * Stored rules as they are read back: a duration above {@link DurationBounds#MAX}, stored before that
     * bound existed, counts as the maximum rather than failing the model's every result.
     */
    public static Result validateStored(List<RuleDefinition> definitions) {
        return validate(definitions == null ? null : definitions.stream().map(RuleValidator::clampStored).toList());
    }

    /** A stored rule with its durations above the maximum read as the maximum, as {@link #validateStored} reads it. */
    public static RuleDefinition clampStored(RuleDefinition d) {
        if (d == null) {
            return null;
        }
        RuleDefinition.Persistence p = d.persistence() == null ? null
                : new RuleDefinition.Persistence(d.persistence().batches(), DurationBounds.clampStored(d.persistence().duration()));
        return new RuleDefinition(d.id(), d.path(), d.comparator(), d.threshold(), d.severity(), d.kind(), p,
                d.requireSignificance(), d.group(), DurationBounds.clampStored(d.cooldown()), d.enabled(), d.description(),
                d.alpha(), d.task(), d.minRows());
    }

    public static Result validate(List<RuleDefinition> definitions) {
        List<RuleError> errors = new ArrayList<>();
        List<AlertRule> rules = new ArrayList<>();
        if (definitions == null) {
            errors.add(new RuleError(-1, "rules", "a list of rules is required"));
            return new Result(List.of(), errors);
        }
        if (definitions.size() > MAX_RULES) {
            errors.add(new RuleError(-1, "rules", "at most " + MAX_RULES + " rules per model"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            RuleDefinition d = definitions.get(i);
            if (d == null) {
                errors.add(new RuleError(i, "rule", "null rule"));
                continue;
            }
            int before = errors.size();
            AlertRule rule = one(i, d, errors);
            if (d.id() != null && !ids.add(d.id())) {
                errors.add(new RuleError(i, "id", "duplicate rule id '" + d.id() + "'"));
            }
            if (errors.size() == before) {
                rules.add(rule);
            }
        }
        return errors.isEmpty() ? new Result(List.copyOf(rules), List.of()) : new Result(List.of(), errors);
    }

    private static AlertRule one(int i, RuleDefinition d, List<RuleError> errors) {
        if (d.id() == null || !ID.matcher(d.id()).matches()) {
            errors.add(new RuleError(i, "id", "id is required and must match " + ID.pattern()));
        }
        MetricPath path = null;
        try {
            path = MetricPath.parse(d.path());
        } catch (InvalidPathException e) {
            errors.add(new RuleError(i, "path", e.getMessage()));
        }
        Comparison comparison = null;
        try {
            comparison = Comparison.parse(d.comparator());
        } catch (IllegalArgumentException e) {
            errors.add(new RuleError(i, "comparator", e.getMessage()));
        }
        if (d.threshold() == null || !Double.isFinite(d.threshold())) {
            errors.add(new RuleError(i, "threshold", "a finite number is required (booleans compare as 1 and 0)"));
        }
        Severity severity = null;
        try {
            severity = Severity.parse(d.severity() == null ? "warning" : d.severity());
        } catch (IllegalArgumentException e) {
            errors.add(new RuleError(i, "severity", e.getMessage()));
        }
        String kind = kind(i, d.kind(), path, errors);
        int batches = 1;
        Duration duration = null;
        if (d.persistence() != null) {
            RuleDefinition.Persistence p = d.persistence();
            if (p.batches() != null && p.duration() != null) {
                errors.add(new RuleError(i, "persistence", "give batches or duration, not both"));
            } else if (p.batches() != null) {
                if (p.batches() < 1 || p.batches() > MAX_PERSIST_BATCHES) {
                    errors.add(new RuleError(i, "persistence.batches", "must be between 1 and " + MAX_PERSIST_BATCHES));
                } else {
                    batches = p.batches();
                }
            } else if (p.duration() != null) {
                duration = duration(i, "persistence.duration", p.duration(), errors);
            }
        }
        // Per-feature drift findings of one rule and batch make one alert listing the features unless the
        // rule asks otherwise: a dataset shift drifts many features at once, and that is one event to page on.
        boolean byBatch = d.group() == null && path != null && !path.isConcrete()
                && (path.section() == Section.DRIFT_FEATURE || path.section() == Section.DRIFT_PREVIOUS_FEATURE
                        || path.section() == Section.DRIFT_SEGMENT);
        if (d.group() != null) {
            if (AlertRule.GROUP_BATCH.equals(d.group())) {
                byBatch = true;
            } else if (!AlertRule.GROUP_SUBJECT.equals(d.group())) {
                errors.add(new RuleError(i, "group", "group is 'subject' (one alert per subject) or 'batch' (one per batch)"));
            }
        }
        Duration cooldown = d.cooldown() == null ? null : duration(i, "cooldown", d.cooldown(), errors);
        if (d.alpha() != null && !(d.alpha() > 0 && d.alpha() < 1)) {
            errors.add(new RuleError(i, "alpha", "alpha is a significance level between 0 and 1 (exclusive), e.g. 0.05"));
        }
        if (d.task() != null && !TASKS.contains(d.task())) {
            errors.add(new RuleError(i, "task", "unknown task '" + d.task()
                    + "'; use binary_classification, multiclass_classification or regression"));
        }
        if (d.minRows() != null && d.minRows() < 0) {
            errors.add(new RuleError(i, "minRows", "minRows is a number of rows, 0 or more"));
        }
        if (path == null || comparison == null || severity == null || kind == null || d.threshold() == null) {
            return null;
        }
        return new AlertRule(d.id(), path, comparison, d.threshold(), severity, kind, batches, duration,
                Boolean.TRUE.equals(d.requireSignificance()), byBatch, cooldown, !Boolean.FALSE.equals(d.enabled()),
                d.description(), d.alpha(), d.task(), d.minRows());
    }

    private static String kind(int i, String kind, MetricPath path, List<RuleError> errors) {
        if (path == null) {
            return null;
        }
        String derived = path.section().alertKind();
        if (kind == null || kind.equals(derived)) {
            return derived;
        }
        if ("retraining".equals(kind)) {
            return kind;
        }
        errors.add(new RuleError(i, "kind", KINDS.contains(kind)
                ? "a rule on " + path.section().prefix() + " raises '" + derived + "' alerts (or 'retraining')"
                : "unknown kind '" + kind + "'; use drift, performance, fairness, data_quality or retraining"));
        return null;
    }

    private static Duration duration(int i, String field, String text, List<RuleError> errors) {
        try {
            return DurationBounds.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new RuleError(i, field, e.getMessage()));
            return null;
        }
    }
}
