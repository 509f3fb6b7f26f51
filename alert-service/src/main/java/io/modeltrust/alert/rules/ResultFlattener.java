package io.modeltrust.alert.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every addressable number out of a result event, walking the JSON tree rather than a typed
 * record so that fields a newer producer adds are simply ignored. What is read is exactly what
 * {@link Section} lists, so paths, rules and stored series agree.
 */
public final class ResultFlattener {

    private ResultFlattener() {
    }

    public static List<Point> flatten(JsonNode result) {
        List<Point> out = new ArrayList<>(256);
        String kind = result.path("kind").asText("");
        switch (kind) {
            case "drift" -> drift(result, out);
            case "performance" -> performance(result, out);
            case "fairness" -> fairness(result, out);
            default -> {
                // An unknown kind carries nothing the rules know how to address.
            }
        }
        return out;
    }

    private static void drift(JsonNode r, List<Point> out) {
        fields(r, Section.DRIFT, null, null, out);
        for (JsonNode f : r.path("features")) {
            String name = f.path("feature").asText(null);
            if (name != null) {
                fields(f, Section.DRIFT_FEATURE, name, null, out);
            }
        }
        fields(r.path("prediction"), Section.DRIFT_PREDICTION, null, null, out);
        fields(r.path("label"), Section.DRIFT_LABEL, null, null, out);
        fields(r.path("multivariate"), Section.DRIFT_MULTIVARIATE, null, null, out);
        fields(r.path("domainClassifier"), Section.DRIFT_DOMAIN_CLASSIFIER, null, null, out);
        for (JsonNode s : r.path("segments")) {
            String segment = s.path("segment").asText(null);
            for (JsonNode f : s.path("features")) {
                String name = f.path("feature").asText(null);
                if (segment != null && name != null) {
                    fields(f, Section.DRIFT_SEGMENT, segment, name, out);
                }
            }
        }
        JsonNode previous = r.path("previous");
        fields(previous, Section.DRIFT_PREVIOUS, null, null, out);
        for (JsonNode f : previous.path("features")) {
            String name = f.path("feature").asText(null);
            if (name != null) {
                fields(f, Section.DRIFT_PREVIOUS_FEATURE, name, null, out);
            }
        }
        fields(previous.path("prediction"), Section.DRIFT_PREVIOUS_PREDICTION, null, null, out);
        for (JsonNode q : r.path("dataQuality")) {
            String column = q.path("column").asText(null);
            if (column != null) {
                fields(q, Section.DATA_QUALITY, column, null, out);
            }
        }
    }

    private static void performance(JsonNode r, List<Point> out) {
        for (String top : Section.Fields.PERFORMANCE_TOP) {
            add(r.get(top), Section.PERFORMANCE, null, null, top, out);
        }
        for (String m : Section.Fields.METRICS) {
            add(r.path("metrics").get(m), Section.PERFORMANCE, null, null, m, out);
            JsonNode change = r.path("change").path(m);
            add(change.get("absolute"), Section.PERFORMANCE, null, null, m + ".changeFromBaseline", out);
            add(change.get("relative"), Section.PERFORMANCE, null, null, m + ".relativeChange", out);
            add(r.path("baseline").get(m), Section.PERFORMANCE, null, null, m + ".baseline", out);
            JsonNode interval = r.path("intervals").path(m);
            add(interval.get("low"), Section.PERFORMANCE, null, null, m + ".intervalLow", out);
            add(interval.get("high"), Section.PERFORMANCE, null, null, m + ".intervalHigh", out);
        }
        for (String m : Section.Fields.METRICS) {
            add(r.path("estimated").get(m), Section.PERFORMANCE_ESTIMATED, null, null, m, out);
            JsonNode change = r.path("estimatedChange").path(m);
            add(change.get("absolute"), Section.PERFORMANCE_ESTIMATED, null, null, m + ".changeFromBaseline", out);
            add(change.get("relative"), Section.PERFORMANCE_ESTIMATED, null, null, m + ".relativeChange", out);
        }
    }

    private static void fairness(JsonNode r, List<Point> out) {
        for (JsonNode a : r.path("attributes")) {
            String attribute = a.path("attribute").asText(null);
            if (attribute == null) {
                continue;
            }
            fields(a, Section.FAIRNESS_ATTRIBUTE, attribute, null, out);
            for (JsonNode g : a.path("groups")) {
                String group = g.path("group").asText(null);
                if (group != null) {
                    fields(g, Section.FAIRNESS_GROUP, attribute, group, out);
                }
            }
        }
    }

    private static void fields(JsonNode node, Section section, String subject, String group, List<Point> out) {
        if (!node.isObject()) {
            return;
        }
        for (String field : section.fields()) {
            add(node.get(field), section, subject, group, field, out);
        }
    }

    /** Paths are only built for values that are there: most fields of a result are absent. */
    private static void add(JsonNode value, Section section, String subject, String group, String field, List<Point> out) {
        if (value == null) {
            return;
        }
        double v;
        if (value.isNumber()) {
            v = value.asDouble();
            if (!Double.isFinite(v)) {
                return;
            }
        } else if (value.isBoolean()) {
            v = value.asBoolean() ? 1.0 : 0.0;
        } else {
            return;
        }
        out.add(new Point(new MetricPath(section, subject, group, field), v));
    }
}
