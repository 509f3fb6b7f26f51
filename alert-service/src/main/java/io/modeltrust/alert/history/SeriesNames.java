package io.modeltrust.alert.history;

import io.modeltrust.alert.rules.InvalidPathException;
import io.modeltrust.alert.rules.MetricPath;
import io.modeltrust.alert.rules.Section;

/**
 * Resolves the {metric} of the time-series API: either a full concrete path, or a short name with
 * feature / attribute / group filters ({@code psi?feature=income}, {@code selectionRate?feature=sex&group=female}).
 */
public final class SeriesNames {

    private SeriesNames() {
    }

    public static MetricPath resolve(String metric, String feature, String group) {
        if (metric == null || metric.isBlank()) {
            throw new InvalidPathException("metric is required");
        }
        MetricPath path = feature == null && group == null ? full(metric) : filtered(metric, feature, group);
        if (!path.isConcrete()) {
            throw new InvalidPathException("a time series needs concrete names, not *");
        }
        return path;
    }

    private static MetricPath full(String metric) {
        if (metric.startsWith("drift.") || metric.startsWith("performance.") || metric.startsWith("fairness.")) {
            return MetricPath.parse(metric);
        }
        for (String prefix : new String[]{"drift.", "performance."}) {
            try {
                return MetricPath.parse(prefix + metric);
            } catch (InvalidPathException ignored) {
                // try the next root
            }
        }
        throw new InvalidPathException("unknown metric '" + metric + "'; give a path such as performance.accuracy or a "
                + "figure with ?feature= (drift, data quality, fairness attribute) and &group= (fairness group)");
    }

    private static MetricPath filtered(String metric, String subject, String group) {
        if (subject == null) {
            throw new InvalidPathException("group= needs feature= (the fairness attribute) too");
        }
        if (group != null) {
            return checked(new MetricPath(Section.FAIRNESS_GROUP, subject, group, metric));
        }
        for (Section s : new Section[]{Section.DRIFT_FEATURE, Section.DATA_QUALITY, Section.FAIRNESS_ATTRIBUTE}) {
            if (s.fields().contains(metric)) {
                return new MetricPath(s, subject, null, metric);
            }
        }
        throw new InvalidPathException("'" + metric + "' is not a per-feature drift, data-quality or fairness-attribute figure");
    }

    private static MetricPath checked(MetricPath p) {
        return MetricPath.parse(p.canonical());
    }
}
