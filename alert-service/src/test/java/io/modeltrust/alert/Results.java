package io.modeltrust.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.model.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Result events shaped like the shared-model records (DriftResult, PerformanceResult, FairnessResult
 * as io.modeltrust.model.Json writes them), built as JSON so the tests do not depend on the records'
 * constructors, which grow as the metric services evolve.
 */
public final class Results {

    public static final List<String> FEATURES = List.of("income", "age", "purpose", "duration", "amount");

    private Results() {
    }

    private static ObjectNode head(String kind, String model, String batch, Instant at, int revision, int seconds) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("kind", kind);
        n.put("schemaVersion", 1);
        n.put("eventId", UUID.randomUUID().toString());
        n.put("modelId", model);
        n.put("batchId", batch);
        n.put("referenceVersion", 1);
        n.put("revision", revision);
        n.put("computedAt", at.plusSeconds(seconds).toString());
        n.put("at", at.toString());
        n.put("rows", 1000);
        return n;
    }

    /** A drift result in which the named features drifted; driftShare follows from them. */
    public static ObjectNode drift(String model, String batch, Instant at, List<String> drifted, Map<String, Double> missingChange) {
        ObjectNode n = head("drift", model, batch, at, 1, 30);
        ArrayNode features = n.putArray("features");
        for (String f : FEATURES) {
            boolean d = drifted.contains(f);
            ObjectNode x = features.addObject();
            x.put("feature", f);
            x.put("type", "numeric");
            x.put("test", "ks");
            x.put("statistic", d ? 0.31 : 0.02);
            x.put("pValue", d ? 1e-6 : 0.6);
            x.put("adjustedPValue", d ? 1e-5 : 0.8);
            x.put("psi", d ? 0.42 : 0.01);
            x.put("jensenShannon", d ? 0.2 : 0.01);
            x.put("wasserstein", d ? 0.5 : 0.02);
            x.put("drifted", d);
            if (d) {
                x.put("explanation", "The distribution of " + f + " shifted: mean 41,200 → 48,900.");
            }
        }
        double share = (double) drifted.size() / FEATURES.size();
        n.put("driftShare", share);
        n.put("datasetDrift", share >= 0.5);
        n.put("driftedFeatures", drifted.size());
        ArrayNode quality = n.putArray("dataQuality");
        for (String f : FEATURES) {
            double change = missingChange.getOrDefault(f, 0.0);
            ObjectNode q = quality.addObject();
            q.put("column", f);
            q.put("role", "feature");
            q.put("type", "numeric");
            q.put("referenceMissingShare", 0.01);
            q.put("missingShare", 0.01 + change);
            q.put("missingShareChange", change);
            q.put("outOfRangeShare", 0.0);
        }
        n.putObject("rule").put("numericTest", "ks").put("alpha", 0.05).put("psiThreshold", 0.1);
        n.put("explanation", drifted.size() + " of " + FEATURES.size() + " features drifted.");
        return n;
    }

    public static ObjectNode drift(String model, String batch, Instant at, List<String> drifted) {
        return drift(model, batch, at, drifted, Map.of());
    }

    /**
     * A performance result; {@code accuracy} null means no labels yet. The accuracy interval is
     * ±{@code halfWidth}; baseline accuracy 0.87, rocAuc 0.9, ks 0.6.
     */
    public static ObjectNode performance(String model, String batch, Instant at, int revision, Double accuracy,
                                         double halfWidth, double rocAuc) {
        ObjectNode n = head("performance", model, batch, at, revision, 40);
        n.put("task", "binary_classification");
        n.put("labeledRows", accuracy == null ? 0 : 1000);
        n.put("labelCoverage", accuracy == null ? 0.0 : 1.0);
        ObjectNode metrics = n.putObject("metrics");
        ObjectNode change = n.putObject("change");
        ObjectNode intervals = n.putObject("intervals");
        n.putObject("baseline").put("accuracy", 0.87).put("rocAuc", 0.9).put("ks", 0.6);
        if (accuracy != null) {
            metrics.put("accuracy", accuracy).put("rocAuc", rocAuc).put("ks", 0.6);
            change.putObject("accuracy").put("absolute", accuracy - 0.87).put("relative", (accuracy - 0.87) / 0.87);
            change.putObject("rocAuc").put("absolute", rocAuc - 0.9).put("relative", (rocAuc - 0.9) / 0.9);
            intervals.putObject("accuracy").put("low", accuracy - halfWidth).put("high", accuracy + halfWidth)
                    .put("method", "wilson");
        }
        n.putObject("estimated").put("accuracy", 0.85);
        n.putArray("slices");
        n.put("explanation", accuracy == null ? "No labels yet." : "Accuracy " + accuracy + " against 0.87 at reference.");
        return n;
    }

    /** A fairness result for attribute sex: female's selection rate against male's 0.5 gives ratio and difference. */
    public static ObjectNode fairness(String model, String batch, Instant at, double femaleRate, Double pValue) {
        double male = 0.5;
        ObjectNode n = head("fairness", model, batch, at, 1, 50);
        n.put("labeledRows", 0);
        n.put("minGroupSize", 30);
        double ratio = Math.min(femaleRate, male) / Math.max(femaleRate, male);
        ObjectNode a = n.putArray("attributes").addObject();
        a.put("attribute", "sex");
        a.put("referenceGroup", "male");
        a.put("demographicParityDifference", Math.abs(male - femaleRate));
        a.put("demographicParityRatio", ratio);
        ArrayNode groups = a.putArray("groups");
        groups.addObject().put("group", "male").put("count", 600).put("selectionRate", male).put("eligible", true);
        ObjectNode female = groups.addObject().put("group", "female").put("count", 400).put("selectionRate", femaleRate)
                .put("statisticalParityDifference", femaleRate - male).put("disparateImpactRatio", femaleRate / male)
                .put("test", "chi2").put("eligible", true);
        if (pValue != null) {
            female.put("pValue", pValue);
        }
        a.put("explanation", "Selection rates by sex: female " + femaleRate + ", male " + male + ".");
        String text = "Approval rate for sex=female is " + femaleRate + " against " + male + " for sex=male.";
        n.putObject("worst").put("attribute", "sex").put("subject", "sex=female").put("metric", "demographicParityRatio")
                .put("value", ratio).put("threshold", 0.8).put("text", text);
        n.put("explanation", text);
        return n;
    }
}
