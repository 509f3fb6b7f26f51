package io.modeltrust.alert.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.rules.AlertRule;
import io.modeltrust.alert.rules.Finding;
import io.modeltrust.alert.rules.MetricPath;
import io.modeltrust.alert.rules.Numbers;
import io.modeltrust.alert.rules.Section;
import java.util.List;

/**
 * The text of an alert: the metric service's own explanation where the result carries one (a
 * feature's, the attribute's, the worst disparity's), otherwise one written from the values; then
 * what made a persistent rule fire.
 */
public final class Explanations {

    private static final int LISTED_SUBJECTS = 10;

    private Explanations() {
    }

    public static String of(AlertRule rule, Finding finding, ResultContext ctx) {
        if (finding.path().section() == Section.FAIRNESS_GROUP) {
            return withPersistence(rule, finding, FairnessText.of(rule, finding, ctx.result()));
        }
        String text = serviceText(finding.path(), ctx.result());
        if (text == null) {
            text = generated(rule, finding);
        }
        return withPersistence(rule, finding, text);
    }

    /** One alert for the whole batch, listing each breaching subject with its own explanation. */
    public static String ofGroup(AlertRule rule, List<Finding> findings, ResultContext ctx) {
        StringBuilder sb = new StringBuilder();
        sb.append(findings.size()).append(findings.size() == 1 ? " subject breaches " : " subjects breach ")
                .append(rule.condition()).append(" in batch ").append(ctx.batchId()).append(": ");
        for (int i = 0; i < Math.min(LISTED_SUBJECTS, findings.size()); i++) {
            Finding f = findings.get(i);
            if (i > 0) {
                sb.append("; ");
            }
            String text = serviceText(f.path(), ctx.result());
            sb.append(f.subject() == null ? f.path().canonical() : f.subject());
            if (text != null) {
                sb.append(" (").append(text).append(')');
            }
        }
        if (findings.size() > LISTED_SUBJECTS) {
            sb.append("; and ").append(findings.size() - LISTED_SUBJECTS).append(" more");
        }
        return sb.append('.').toString();
    }

    private static String withPersistence(AlertRule rule, Finding finding, String text) {
        String prefix = "retraining".equals(rule.kind()) ? "Retraining recommended. " : "";
        if (finding.window().isEmpty()) {
            return prefix + text;
        }
        StringBuilder sb = new StringBuilder(prefix).append(text).append(" Held in ")
                .append(finding.window().size() + 1).append(" consecutive batches: ");
        for (Finding.WindowValue w : finding.window()) {
            sb.append(w.batchId()).append(' ').append(Numbers.format(w.value())).append(", ");
        }
        return sb.append("now ").append(Numbers.format(finding.value())).append('.').toString();
    }

    private static String generated(AlertRule rule, Finding f) {
        String who = f.subject() == null ? "" : " for " + f.subject();
        return f.path().field() + who + " is " + Numbers.format(f.value()) + " (rule " + rule.id() + ": "
                + rule.condition() + ").";
    }

    /** The explanation the producing service attached to this part of the result, if any. */
    static String serviceText(MetricPath path, JsonNode r) {
        return switch (path.section()) {
            case DRIFT, PERFORMANCE, PERFORMANCE_ESTIMATED -> text(r.path("explanation"));
            case DRIFT_FEATURE -> text(find(r.path("features"), "feature", path.subject()).path("explanation"));
            case DRIFT_PREDICTION -> text(r.path("prediction").path("explanation"));
            case DRIFT_LABEL -> text(r.path("label").path("explanation"));
            case DRIFT_MULTIVARIATE -> multivariate(r.path("multivariate"));
            case DRIFT_SEGMENT -> text(find(find(r.path("segments"), "segment", path.subject()).path("features"), "feature",
                    path.group()).path("explanation"));
            case DRIFT_DOMAIN_CLASSIFIER -> domainClassifier(r.path("domainClassifier"));
            case DRIFT_PREVIOUS -> text(r.path("previous").path("explanation"));
            case DRIFT_PREVIOUS_FEATURE -> text(find(r.path("previous").path("features"), "feature", path.subject())
                    .path("explanation"));
            case DRIFT_PREVIOUS_PREDICTION -> text(r.path("previous").path("prediction").path("explanation"));
            case DATA_QUALITY -> quality(find(r.path("dataQuality"), "column", path.subject()), path.subject(),
                    path.field());
            case FAIRNESS_ATTRIBUTE -> fairness(r, path.subject(), path.subject());
            case FAIRNESS_GROUP -> fairness(r, path.subject(), path.subjectLabel());
        };
    }

    /** The error against its band, and the features it came from: the result carries no sentence of its own here. */
    static String multivariate(JsonNode m) {
        if (!m.path("value").isNumber()) {
            return null;
        }
        double value = m.path("value").asDouble();
        double lower = m.path("lower").asDouble();
        double upper = m.path("upper").asDouble();
        String where = value > upper ? ", above" : value < lower ? ", below" : ", inside";
        StringBuilder sb = new StringBuilder("The features' joint distribution changed: the PCA reconstruction error is ")
                .append(Numbers.format(value)).append(where).append(" the reference band [").append(Numbers.format(lower))
                .append(", ").append(Numbers.format(upper)).append(']');
        JsonNode contributors = m.path("contributors");
        if (contributors.isArray() && !contributors.isEmpty()) {
            sb.append("; it grew most in ");
            for (int i = 0; i < contributors.size(); i++) {
                sb.append(i == 0 ? "" : i == contributors.size() - 1 ? " and " : ", ").append(contributors.get(i).asText());
            }
        }
        return sb.append('.').toString();
    }

    /** The classifier's AUC against its band, and the features it leant on. */
    static String domainClassifier(JsonNode m) {
        if (!m.path("value").isNumber()) {
            return null;
        }
        double value = m.path("value").asDouble();
        double upper = m.path("upper").asDouble();
        StringBuilder sb = new StringBuilder("A classifier tells this batch from the reference with cross-validated AUC ")
                .append(Numbers.format(value)).append(value > upper ? ", above" : ", not above")
                .append(" the upper edge ").append(Numbers.format(upper))
                .append(" of the reference-against-reference band");
        JsonNode contributors = m.path("contributors");
        if (contributors.isArray() && !contributors.isEmpty()) {
            sb.append("; it leant most on ");
            for (int i = 0; i < contributors.size(); i++) {
                sb.append(i == 0 ? "" : i == contributors.size() - 1 ? " and " : ", ").append(contributors.get(i).asText());
            }
        }
        return sb.append('.').toString();
    }

    private static String fairness(JsonNode r, String attribute, String subject) {
        JsonNode worst = r.path("worst");
        if (subject.equals(worst.path("subject").asText(null)) || subject.equals(worst.path("attribute").asText(null))) {
            String text = text(worst.path("text"));
            if (text != null) {
                return text;
            }
        }
        return text(find(r.path("attributes"), "attribute", attribute).path("explanation"));
    }

    private static String quality(JsonNode q, String column, String field) {
        if (!q.isObject()) {
            return null;
        }
        if (field.startsWith("unseenCategor") && q.path("unseenCategoryShare").isNumber()) {
            StringBuilder sb = new StringBuilder(Numbers.format(100 * q.path("unseenCategoryShare").asDouble()))
                    .append("% of ").append(column).append("'s values are categories never seen in the reference");
            JsonNode named = q.path("unseenCategories");
            if (named.isArray() && !named.isEmpty()) {
                sb.append(", most often ");
                for (int i = 0; i < named.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append('"').append(named.get(i).asText()).append('"');
                }
            }
            return sb.append('.').toString();
        }
        if (field.equals("outOfRangeShare") && q.path("outOfRangeShare").isNumber()) {
            return Numbers.format(100 * q.path("outOfRangeShare").asDouble()) + "% of " + column
                    + "'s values lie outside the reference's range.";
        }
        if (!q.path("missingShare").isNumber()) {
            return null;
        }
        return "Missing share of " + column + " is " + Numbers.format(q.path("missingShare").asDouble()) + " against "
                + Numbers.format(q.path("referenceMissingShare").asDouble()) + " in the reference.";
    }

    /** The element of a result's array whose {@code nameField} is {@code name}; a missing node when none is. */
    public static JsonNode find(JsonNode array, String nameField, String name) {
        if (array == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        for (JsonNode n : array) {
            if (name != null && name.equals(n.path(nameField).asText(null))) {
                return n;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }
}
