package io.modeltrust.alert.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Applies one rule to one result and, for persistence, to the batches before it. */
public final class RuleEvaluator {

    /** How many earlier batches are fetched at a time while walking back a duration window. */
    private static final int DURATION_STEP = 8;

    private final double alpha;

    public RuleEvaluator(double alpha) {
        this.alpha = alpha;
    }

    /** One finding per subject of the result the rule's path matches; subjects the result lacks are absent. */
    public List<Finding> evaluate(AlertRule rule, Snapshot current, History history) {
        List<Finding> findings = new ArrayList<>();
        if (tooFewRows(rule, current)) {
            return findings; // neither breach nor clear: too few rows to say anything
        }
        for (Point p : current.points()) {
            if (!rule.path().matches(p.path())) {
                continue;
            }
            Boolean significant = Significance.of(p.path(), current, rule.alphaOr(alpha));
            Severity severity = severity(rule, p.path(), p.value(), significant, current);
            List<Finding.WindowValue> window = List.of();
            boolean persisted = false;
            if (severity != null) {
                window = persistence(rule, p.path(), current, history);
                persisted = window != null;
            }
            findings.add(new Finding(p.path(), p.path().subjectLabel(), p.value(), significant, severity != null,
                    persisted, window == null ? List.of() : window, severity));
        }
        return findings;
    }

    /**
     * What a breach is worth, or null when there is none: the comparison, gated by significance when
     * the rule requires it. A fairness group's difference is judged by {@link FairnessVerdict}; elsewhere
     * a result without the information leaves the requirement aside.
     */
    private Severity severity(AlertRule rule, MetricPath path, double value, Boolean significant, Snapshot s) {
        if (!rule.comparison().test(value, rule.threshold())) {
            return null;
        }
        if (!rule.requireSignificance()) {
            return rule.severity();
        }
        if (path.section() == Section.FAIRNESS_GROUP) {
            return FairnessVerdict.severity(rule, path, significant, s);
        }
        return Boolean.FALSE.equals(significant) ? null : rule.severity();
    }

    /** Whether the result rests on fewer rows than the rule's minimum; a result that does not say is judged. */
    static boolean tooFewRows(AlertRule rule, Snapshot s) {
        String rowsPath = rule.rowsPath();
        Double rows = rowsPath == null ? null : s.value(rowsPath);
        return rows != null && rows < rule.minRowsOrDefault();
    }

    private boolean breaches(AlertRule rule, MetricPath path, Snapshot s) {
        Double v = s.value(path);
        return v != null && severity(rule, path, v, Significance.of(path, s, rule.alphaOr(alpha)), s) != null;
    }

    /**
     * The earlier values that carry the breach far enough back, or null when it does not persist.
     * A batch that lacks the value (no labels yet, say) breaks the run: unknown is not a breach.
     */
    private List<Finding.WindowValue> persistence(AlertRule rule, MetricPath path, Snapshot current, History history) {
        if (rule.persistDuration() != null) {
            return duration(rule, path, current, history);
        }
        int needed = rule.persistBatches() - 1;
        if (needed == 0) {
            return List.of();
        }
        List<Snapshot> earlier = history.previous(current.key(), needed);
        if (earlier.size() < needed) {
            return null;
        }
        List<Finding.WindowValue> window = new ArrayList<>(needed);
        for (Snapshot s : earlier) {
            if (!breaches(rule, path, s)) {
                return null;
            }
            window.add(new Finding.WindowValue(s.key().batchId(), s.value(path)));
        }
        Collections.reverse(window);
        return window;
    }

    private List<Finding.WindowValue> duration(AlertRule rule, MetricPath path, Snapshot current, History history) {
        Duration needed = rule.persistDuration();
        List<Finding.WindowValue> window = new ArrayList<>();
        BatchKey cursor = current.key();
        while (Duration.between(cursor.at(), current.key().at()).compareTo(needed) < 0) {
            List<Snapshot> earlier = history.previous(cursor, DURATION_STEP);
            for (Snapshot s : earlier) {
                if (!breaches(rule, path, s)) {
                    return null;
                }
                window.add(new Finding.WindowValue(s.key().batchId(), s.value(path)));
                cursor = s.key();
                if (Duration.between(cursor.at(), current.key().at()).compareTo(needed) >= 0) {
                    break;
                }
            }
            if (earlier.size() < DURATION_STEP && Duration.between(cursor.at(), current.key().at()).compareTo(needed) < 0) {
                return null;
            }
        }
        Collections.reverse(window);
        return window;
    }
}
