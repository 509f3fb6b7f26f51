package io.modeltrust.alert.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.alert.ResultSender;
import io.modeltrust.alert.Results;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The scripted scenario behind the browser tests: six hourly batches of one model, built on
 * {@link Results} and enriched the way the metric services enrich them (drift details per drifted
 * feature, Wilson intervals per group, worst slices), so every part of the dashboard has data.
 *
 * <ul>
 *   <li>drift: income and age drift in b1–b3 (share 0.4), income alone in b4–b6 (share 0.2);</li>
 *   <li>performance: accuracy 0.80, 0.79, 0.86, 0.87 in b1–b4; b5 and b6 have no labels yet;</li>
 *   <li>fairness: female selection rate {@link #FEMALE} against male 0.5, so the parity ratio stays below 0.8.</li>
 * </ul>
 */
public final class DashboardScenario {

    public static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    public static final int BATCHES = 6;
    public static final double[] FEMALE = {0.30, 0.35, 0.30, 0.32, 0.30, 0.30};
    public static final Double[] ACCURACY = {0.80, 0.79, 0.86, 0.87, null, null};
    public static final String INCOME_EXPLANATION = "income: production median 48,900 vs reference 41,200; 23% of rows "
            + "now fall in the highest reference decile (10% before)";

    private DashboardScenario() {
    }

    public static Instant at(int batch) {
        return T0.plus(Duration.ofHours(batch));
    }

    /** Sends every result of the scenario for {@code model}; returns the number of results sent. */
    public static int send(ResultSender sender, String model) {
        int sent = 0;
        for (int b = 1; b <= BATCHES; b++) {
            String batch = "b" + b;
            List<String> drifted = b <= 3 ? List.of("income", "age") : List.of("income");
            sender.send(drift(model, batch, at(b), drifted));
            sender.send(performance(model, batch, at(b), ACCURACY[b - 1]));
            sender.send(fairness(model, batch, at(b), FEMALE[b - 1]));
            sent += 3;
        }
        return sent;
    }

    static ObjectNode drift(String model, String batch, Instant at, List<String> drifted) {
        ObjectNode n = Results.drift(model, batch, at, drifted);
        // Inside its band in every batch (no extra alert), higher while income and age drift together.
        ObjectNode mv = n.putObject("multivariate").put("method", "pca_reconstruction")
                .put("value", drifted.size() > 1 ? 0.87 : 0.81).put("lower", 0.75).put("upper", 0.88).put("drifted", false);
        ArrayNode contributors = mv.putArray("contributors");
        drifted.forEach(contributors::add);
        for (JsonNode f : n.withArray("features")) {
            ObjectNode x = (ObjectNode) f;
            if (!x.path("drifted").asBoolean()) {
                continue;
            }
            String name = x.path("feature").asText();
            ObjectNode details = x.putObject("details");
            ArrayNode bins = details.putArray("topBins");
            if (name.equals("income")) {
                x.put("explanation", INCOME_EXPLANATION);
                bins.addObject().put("bin", "(62000, +inf)").put("referenceShare", 0.10).put("productionShare", 0.23).put("psiTerm", 0.108);
                bins.addObject().put("bin", "(-inf, 21000]").put("referenceShare", 0.10).put("productionShare", 0.04).put("psiTerm", 0.055);
                bins.addObject().put("bin", "(35000, 39000]").put("referenceShare", 0.10).put("productionShare", 0.07).put("psiTerm", 0.011);
                details.putObject("reference").put("mean", 42100.0).put("p10", 21000.0).put("p50", 41200.0).put("p90", 62000.0);
                details.putObject("production").put("mean", 49800.0).put("p10", 24500.0).put("p50", 48900.0).put("p90", 74000.0);
            } else {
                x.put("explanation", name + ": production median 47 vs reference 41; 19% of rows now fall in the highest "
                        + "reference decile (10% before)");
                bins.addObject().put("bin", "(58, +inf)").put("referenceShare", 0.10).put("productionShare", 0.19).put("psiTerm", 0.058);
                details.putObject("reference").put("mean", 41.5).put("p10", 24.0).put("p50", 41.0).put("p90", 58.0);
                details.putObject("production").put("mean", 46.2).put("p10", 27.0).put("p50", 47.0).put("p90", 63.0);
            }
        }
        return n;
    }

    static ObjectNode performance(String model, String batch, Instant at, Double accuracy) {
        ObjectNode n = Results.performance(model, batch, at, 1, accuracy, 0.02, 0.85);
        n.put("rows", 1000);
        if (accuracy != null) {
            n.putArray("slices").addObject().put("feature", "purpose").put("slice", "car").put("rows", 120)
                    .put("value", accuracy - 0.1).put("referenceRows", 400).put("referenceValue", 0.86)
                    .put("change", accuracy - 0.1 - 0.86);
            n.put("sliceSummary", "Accuracy on purpose=car is " + Math.round((accuracy - 0.1) * 100) / 100.0
                    + " against 0.86 in the reference.");
            n.putObject("confusionMatrix").put("tp", 400).put("fp", 60).put("tn", 400).put("fn", 140);
        }
        return n;
    }

    static ObjectNode fairness(String model, String batch, Instant at, double femaleRate) {
        ObjectNode n = Results.fairness(model, batch, at, femaleRate, 0.001);
        for (JsonNode g : n.withArray("attributes").get(0).withArray("groups")) {
            ObjectNode group = (ObjectNode) g;
            double rate = group.path("selectionRate").asDouble();
            group.put("selectionRateLow", Math.round((rate - 0.04) * 1000) / 1000.0);
            group.put("selectionRateHigh", Math.round((rate + 0.04) * 1000) / 1000.0);
        }
        return n;
    }

    /** For trying the dashboard by hand: {@code DashboardScenario <bootstrap> <modelId>}. */
    public static void main(String[] args) {
        try (ResultSender sender = new ResultSender(args.length > 0 ? args[0] : "127.0.0.1:19092")) {
            String model = args.length > 1 ? args[1] : "credit-demo";
            System.out.println(send(sender, model) + " results sent for " + model);
        }
    }
}
