package io.modeltrust.alert.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.lifecycle.Explanations;
import io.modeltrust.alert.rules.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one explanation of an incident, one clause per signal in the order they began, each read from
 * the stored result of the batch the alert last breached in: "accuracy fell from 0.79 to 0.61 from batch
 * #12; the worst slice is income ≤ 39000 (0.52); income has drifted since batch #6 (PSI 0.31); the
 * selection rate of sex=female fell from 0.45 to 0.31 since batch #9".
 */
final class IncidentStory {

    private static final int LISTED_FEATURES = 3;

    private IncidentStory() {
    }

    static String explain(List<Incident.Member> members, Map<String, IncidentBuilder.BatchPlace> batches,
                           IncidentBuilder.Results results) {
        List<String> clauses = new ArrayList<>();
        Set<String> said = new LinkedHashSet<>();
        Set<String> topics = new LinkedHashSet<>(); // one clause per metric, per retraining advice
        for (Incident.Member m : members) {
            String since = place(m.firstBatchId(), batches);
            JsonNode r = results.result(m.batchId(), resultKind(m.kind()));
            String topic = m.kind().equals("retraining") ? "retraining"
                    : m.kind().equals("performance") ? "performance:" + (m.metric() == null ? "" : m.metric().split("\\.")[0])
                    : null;
            if (topic != null && !topics.add(topic)) {
                continue; // the first alert on it already said when it began
            }
            String clause = switch (m.kind()) {
                case "retraining" -> "retraining is recommended since " + since;
                case "performance" -> performance(m, r, since, clauses);
                case "drift" -> drift(m, r, since);
                case "fairness" -> fairness(m, r, since);
                case "data_quality" -> quality(m, r, since);
                default -> null;
            };
            if (clause != null && said.add(clause)) {
                clauses.add(clause);
            }
        }
        if (clauses.isEmpty()) {
            return null;
        }
        String text = String.join("; ", clauses);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static String resultKind(String alertKind) {
        return switch (alertKind) {
            case "data_quality" -> "drift";
            case "retraining" -> "performance";
            default -> alertKind;
        };
    }

    private static String performance(Incident.Member m, JsonNode r, String since, List<String> clauses) {
        if (r == null) {
            return null;
        }
        String named = m.metric() == null ? null : m.metric().split("\\.")[0];
        String metric = named != null && r.path("metrics").path(named).isNumber() ? named
                : firstPresent(r.path("metrics"), "accuracy", "mae", "rmse", "macroF1");
        if (metric == null) {
            return null;
        }
        double now = r.path("metrics").path(metric).asDouble();
        JsonNode base = r.path("baseline").path(metric);
        String clause = base.isNumber()
                ? metric + (now < base.asDouble() ? " fell" : " rose") + " from " + Numbers.format(base.asDouble()) + " to "
                        + Numbers.format(now) + " from " + since
                : metric + " is " + Numbers.format(now) + " from " + since;
        JsonNode slice = r.path("slices").path(0);
        if (slice.isObject() && slice.path("feature").isTextual()) {
            clauses.add(clause);
            return "the worst slice is " + slice.path("feature").asText() + " " + slice.path("slice").asText() + " ("
                    + Numbers.format(slice.path("value").asDouble()) + ")";
        }
        return clause;
    }

    private static String drift(Incident.Member m, JsonNode r, String since) {
        if (m.rule() != null && m.rule().startsWith("drift.prediction")) {
            return "the model's predictions have drifted since " + since;
        }
        boolean domain = m.rule() != null && m.rule().startsWith("drift.domain-classifier");
        if (m.rule() != null && (m.rule().startsWith("drift.multivariate") || domain)) {
            JsonNode contributors = r == null ? null : r.path(domain ? "domainClassifier" : "multivariate")
                    .path("contributors");
            List<String> most = new ArrayList<>();
            if (contributors != null) {
                contributors.forEach(c -> most.add(c.asText()));
            }
            return "the features' joint distribution has drifted since " + since
                    + (most.isEmpty() ? "" : " (most in " + String.join(", ", most) + ")");
        }
        List<String> named = new ArrayList<>();
        if (r != null) {
            for (JsonNode f : r.path("features")) {
                if (f.path("drifted").asBoolean(false) && named.size() < LISTED_FEATURES) {
                    String psi = f.path("psi").isNumber() ? " (PSI " + Numbers.format(f.path("psi").asDouble()) + ")" : "";
                    named.add(f.path("feature").asText() + psi);
                }
            }
        }
        if (named.isEmpty()) {
            return m.subject() == null || m.subject().isEmpty() ? "the data has drifted since " + since
                    : m.subject() + " has drifted since " + since;
        }
        return String.join(", ", named) + (named.size() == 1 ? " has" : " have") + " drifted since " + since;
    }

    private static String fairness(Incident.Member m, JsonNode r, String since) {
        String subject = m.subject();
        if (subject == null || !subject.contains("=")) {
            return "fairness of " + (subject == null ? "the model" : subject) + " changed since " + since;
        }
        String attribute = subject.substring(0, subject.indexOf('='));
        String group = subject.substring(subject.indexOf('=') + 1);
        JsonNode a = Explanations.find(r == null ? null : r.path("attributes"), "attribute", attribute);
        JsonNode g = Explanations.find(a.path("groups"), "group", group);
        JsonNode rate = g.path("selectionRate");
        JsonNode before = g.path("baselineSelectionRate");
        if (rate.isNumber() && before.isNumber()) {
            return "the selection rate of " + subject + (rate.asDouble() < before.asDouble() ? " fell" : " rose") + " from "
                    + Numbers.format(before.asDouble()) + " to " + Numbers.format(rate.asDouble()) + " since " + since;
        }
        return "the selection rate of " + subject + " differs from the reference group's since " + since;
    }

    private static String quality(Incident.Member m, JsonNode r, String since) {
        JsonNode q = Explanations.find(r == null ? null : r.path("dataQuality"), "column", m.subject());
        if (q.path("missingShareChange").asDouble(0) > 0 && m.rule() != null && m.rule().contains("missing")) {
            return "the missing share of " + m.subject() + " rose to " + Numbers.format(q.path("missingShare").asDouble())
                    + " since " + since;
        }
        return "data quality of " + m.subject() + " changed since " + since;
    }

    private static String place(String batchId, Map<String, IncidentBuilder.BatchPlace> batches) {
        IncidentBuilder.BatchPlace p = batches.get(batchId);
        return p == null ? "batch " + batchId : "batch #" + p.ordinal();
    }

    private static String firstPresent(JsonNode metrics, String... names) {
        for (String n : names) {
            if (metrics.path(n).isNumber()) {
                return n;
            }
        }
        return null;
    }
}
