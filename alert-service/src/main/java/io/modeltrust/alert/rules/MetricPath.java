package io.modeltrust.alert.rules;

import java.util.Objects;

/**
 * A parsed metric path (docs/alert-rules.md). {@code subject} is the feature, column or attribute
 * name and {@code group} the fairness group; either may be {@code *} in a rule. Names may contain
 * dots: the section words and the last segment (the field) fix where a name starts and ends.
 */
public record MetricPath(Section section, String subject, String group, String field) {

    public static final String WILDCARD = "*";
    private static final String GROUPS = ".groups.";
    private static final String SEGMENT_FEATURES = ".features.";

    public MetricPath {
        Objects.requireNonNull(section);
        Objects.requireNonNull(field);
    }

    public static MetricPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPathException("path is empty");
        }
        String path = text.strip();
        int dot = path.indexOf('.');
        String root = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? "" : path.substring(dot + 1);
        MetricPath parsed = switch (root) {
            case "drift" -> parseDrift(rest);
            case "performance" -> parsePerformance(rest);
            case "fairness" -> parseFairness(rest);
            default -> throw new InvalidPathException("unknown root '" + root + "' in '" + path
                    + "'; a path starts with drift., performance. or fairness.");
        };
        parsed.checkField(path);
        return parsed;
    }

    private static MetricPath parseDrift(String rest) {
        if (rest.startsWith("previous.features.")) {
            return named(Section.DRIFT_PREVIOUS_FEATURE, rest.substring("previous.features.".length()));
        }
        if (rest.startsWith("previous.prediction.")) {
            return new MetricPath(Section.DRIFT_PREVIOUS_PREDICTION, null, null, rest.substring("previous.prediction.".length()));
        }
        if (rest.startsWith("previous.")) {
            return new MetricPath(Section.DRIFT_PREVIOUS, null, null, rest.substring("previous.".length()));
        }
        if (rest.startsWith("features.")) {
            return named(Section.DRIFT_FEATURE, rest.substring("features.".length()));
        }
        if (rest.startsWith("segments.")) {
            return segment(rest.substring("segments.".length()));
        }
        if (rest.startsWith("dataQuality.")) {
            return named(Section.DATA_QUALITY, rest.substring("dataQuality.".length()));
        }
        if (rest.startsWith("prediction.")) {
            return new MetricPath(Section.DRIFT_PREDICTION, null, null, rest.substring("prediction.".length()));
        }
        if (rest.startsWith("multivariate.")) {
            return new MetricPath(Section.DRIFT_MULTIVARIATE, null, null, rest.substring("multivariate.".length()));
        }
        if (rest.startsWith("domainClassifier.")) {
            return new MetricPath(Section.DRIFT_DOMAIN_CLASSIFIER, null, null,
                    rest.substring("domainClassifier.".length()));
        }
        if (rest.startsWith("label.")) {
            return new MetricPath(Section.DRIFT_LABEL, null, null, rest.substring("label.".length()));
        }
        return new MetricPath(Section.DRIFT, null, null, rest);
    }

    private static MetricPath parsePerformance(String rest) {
        if (rest.startsWith("estimated.")) {
            return new MetricPath(Section.PERFORMANCE_ESTIMATED, null, null, rest.substring("estimated.".length()));
        }
        return new MetricPath(Section.PERFORMANCE, null, null, rest);
    }

    private static MetricPath parseFairness(String rest) {
        int last = rest.lastIndexOf('.');
        if (last <= 0) {
            throw new InvalidPathException("fairness paths are fairness.<attribute|*>.<figure> or "
                    + "fairness.<attribute|*>.groups.<group|*>.<field>");
        }
        String head = rest.substring(0, last);
        String field = rest.substring(last + 1);
        int groups = head.indexOf(GROUPS);
        if (groups < 0) {
            return new MetricPath(Section.FAIRNESS_ATTRIBUTE, name(head), null, field);
        }
        return new MetricPath(Section.FAIRNESS_GROUP, name(head.substring(0, groups)),
                name(head.substring(groups + GROUPS.length())), field);
    }

    /** {@code <segment|*>.features.<feature|*>.<field>}; a segment is "column=value". */
    private static MetricPath segment(String rest) {
        int features = rest.indexOf(SEGMENT_FEATURES);
        int last = rest.lastIndexOf('.');
        if (features <= 0 || last <= features + SEGMENT_FEATURES.length() - 1) {
            throw new InvalidPathException("drift.segments paths are drift.segments.<column=value|*>.features.<name|*>.<field>");
        }
        return new MetricPath(Section.DRIFT_SEGMENT, name(rest.substring(0, features)),
                name(rest.substring(features + SEGMENT_FEATURES.length(), last)), rest.substring(last + 1));
    }

    private static MetricPath named(Section section, String rest) {
        int last = rest.lastIndexOf('.');
        if (last <= 0) {
            throw new InvalidPathException(section.prefix() + " paths are " + section.prefix() + ".<name|*>.<field>");
        }
        return new MetricPath(section, name(rest.substring(0, last)), null, rest.substring(last + 1));
    }

    private static String name(String name) {
        if (name.isEmpty()) {
            throw new InvalidPathException("a name in the path is empty");
        }
        if (name.contains(WILDCARD) && !name.equals(WILDCARD)) {
            throw new InvalidPathException("'" + name + "': * stands for a whole name, not part of one");
        }
        return name;
    }

    private void checkField(String path) {
        if (!section.fields().contains(field)) {
            throw new InvalidPathException("unknown field '" + field + "' in '" + path + "'; " + section.prefix()
                    + " offers " + String.join(", ", section.fields()));
        }
    }

    /** The path as text; parsing it gives this path back. */
    public String canonical() {
        return switch (section) {
            case DRIFT, PERFORMANCE, PERFORMANCE_ESTIMATED, DRIFT_PREDICTION, DRIFT_LABEL, DRIFT_MULTIVARIATE,
                 DRIFT_DOMAIN_CLASSIFIER, DRIFT_PREVIOUS, DRIFT_PREVIOUS_PREDICTION -> section.prefix() + "." + field;
            case DRIFT_FEATURE, DATA_QUALITY, DRIFT_PREVIOUS_FEATURE -> section.prefix() + "." + subject + "." + field;
            case FAIRNESS_ATTRIBUTE -> "fairness." + subject + "." + field;
            case FAIRNESS_GROUP -> "fairness." + subject + GROUPS + group + "." + field;
            case DRIFT_SEGMENT -> section.prefix() + "." + subject + SEGMENT_FEATURES + group + "." + field;
        };
    }

    public boolean isConcrete() {
        return !WILDCARD.equals(subject) && !WILDCARD.equals(group);
    }

    /** Whether this (possibly wildcard) path covers the concrete path {@code other}. */
    public boolean matches(MetricPath other) {
        return section == other.section && field.equals(other.field)
                && (WILDCARD.equals(subject) || Objects.equals(subject, other.subject))
                && (WILDCARD.equals(group) || Objects.equals(group, other.group));
    }

    /**
     * The alert subject: feature, column or attribute name, "attribute=group", or "feature in column=value"
     * for a segment; null for model-wide figures.
     */
    public String subjectLabel() {
        if (section == Section.DRIFT_SEGMENT) {
            return group + " in " + subject;
        }
        return switch (section.subjects()) {
            case 0 -> null;
            case 1 -> subject;
            default -> subject + "=" + group;
        };
    }

    /** A sibling path in the same section and subject, e.g. the p-value next to a group's parity difference. */
    public MetricPath withField(String otherField) {
        return new MetricPath(section, subject, group, otherField);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
