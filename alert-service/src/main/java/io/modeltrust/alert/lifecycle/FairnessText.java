package io.modeltrust.alert.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.rules.AlertRule;
import io.modeltrust.alert.rules.Finding;
import io.modeltrust.alert.rules.Numbers;
import io.modeltrust.alert.rules.Severity;

/**
 * The text of a fairness group's alert, about that group only: its selection rate with interval and
 * size, the reference group's, the differences, and the p-value before and after the adjustment across
 * the batch's groups. The fairness service's own sentence is about the batch's worst group, which may be
 * another one, so it is not used here.
 */
final class FairnessText {

    private FairnessText() {
    }

    static String of(AlertRule rule, Finding f, JsonNode result) {
        JsonNode attribute = Explanations.find(result.path("attributes"), "attribute", f.path().subject());
        JsonNode group = Explanations.find(attribute.path("groups"), "group", f.path().group());
        String referenceName = attribute.path("referenceGroup").asText(null);
        JsonNode reference = Explanations.find(attribute.path("groups"), "group", referenceName);
        String who = f.path().subject() + "=" + f.path().group();
        StringBuilder sb = new StringBuilder(who).append(": selection rate ")
                .append(Numbers.format(group.path("selectionRate").asDouble()))
                .append(" (95% interval ").append(Numbers.format(group.path("selectionRateLow").asDouble())).append("–")
                .append(Numbers.format(group.path("selectionRateHigh").asDouble())).append(", ")
                .append(group.path("count").asLong()).append(" rows)");
        if (reference.isObject()) {
            sb.append(" against ").append(Numbers.format(reference.path("selectionRate").asDouble()))
                    .append(" for the reference group ").append(referenceName).append(" (")
                    .append(reference.path("count").asLong()).append(" rows)");
        }
        sb.append(difference(group)).append('.');
        if (group.path("statisticalParityDifference").asDouble(0) > 0) {
            sb.append(' ').append(who).append(" is favoured: selected more often than ")
                    .append(referenceName == null ? "the reference group" : referenceName).append('.');
        }
        sb.append(pValues(group, f));
        if (f.severity() != null && f.severity() != rule.severity()) {
            sb.append(" Recorded as ").append(f.severity().id()).append(", not ").append(rule.severity().id())
                    .append(f.severity() == Severity.INFO && Boolean.TRUE.equals(f.significant())
                            ? ": the rule is two-sided and the group is favoured." : ": the difference may be noise.");
        }
        return sb.toString();
    }

    private static String difference(JsonNode group) {
        StringBuilder sb = new StringBuilder();
        if (group.path("statisticalParityDifference").isNumber()) {
            sb.append("; parity difference ").append(Numbers.format(group.path("statisticalParityDifference").asDouble()));
        }
        if (group.path("disparateImpactRatio").isNumber()) {
            sb.append(", impact ratio ").append(Numbers.format(group.path("disparateImpactRatio").asDouble()));
        }
        return sb.toString();
    }

    private static String pValues(JsonNode group, Finding f) {
        if (!group.path("pValue").isNumber()) {
            return " Its difference from the reference group is untested.";
        }
        StringBuilder sb = new StringBuilder(" p = ").append(Numbers.format(group.path("pValue").asDouble()));
        if (group.path("adjustedPValue").isNumber()) {
            sb.append(", ").append(Numbers.format(group.path("adjustedPValue").asDouble()))
                    .append(" after Benjamini–Hochberg across the batch's groups");
        }
        return sb.append(" (").append(Boolean.TRUE.equals(f.significant()) ? "significant" : "not significant").append(").")
                .toString();
    }
}
