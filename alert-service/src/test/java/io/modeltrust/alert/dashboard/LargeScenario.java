package io.modeltrust.alert.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.alert.ResultSender;
import io.modeltrust.alert.Results;
import io.modeltrust.model.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Many batches of a wide model for DashboardBench (and for trying the dashboard by hand): per batch
 * a drift result over {@code features} numeric features (drift comes in episodes), a performance
 * result (the newest 5% of batches still without labels) and a fairness result over two attributes.
 */
public final class LargeScenario {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private LargeScenario() {
    }

    /** Sends 3 × batches results without waiting for each; returns how many. */
    public static int send(ResultSender sender, String model, int batches, int features, long seed) {
        Random random = new Random(seed);
        int sent = 0;
        for (int b = 0; b < batches; b++) {
            Instant at = T0.plus(Duration.ofHours(b));
            String batch = String.format("b%05d", b);
            sender.sendAsync(model, Json.toString(drift(random, model, batch, at, b, features)));
            boolean labelled = b < batches - Math.max(1, batches / 20);
            double accuracy = 0.87 - (b % 200 > 150 ? 0.06 : 0.0) - Math.abs(random.nextGaussian()) * 0.015;
            ObjectNode perf = Results.performance(model, batch, at, 1, labelled ? accuracy : null, 0.02, 0.85 + random.nextDouble() * 0.08);
            perf.putObject("estimated").put("accuracy", accuracy + random.nextGaussian() * 0.01);
            if (!labelled) {
                perf.put("labelCoverage", 0.0);
            }
            sender.sendAsync(model, Json.toString(perf));
            ObjectNode fair = Results.fairness(model, batch, at, 0.38 + random.nextDouble() * 0.14, random.nextDouble() * 0.1);
            ArrayNode attributes = fair.withArray("attributes");
            double young = 0.35 + random.nextDouble() * 0.2;
            ObjectNode age = attributes.addObject().put("attribute", "age_band").put("referenceGroup", "25-60");
            age.put("demographicParityRatio", Math.min(young, 0.5) / Math.max(young, 0.5)).put("demographicParityDifference", Math.abs(0.5 - young));
            age.putArray("groups").addObject().put("group", "25-60").put("count", 700).put("selectionRate", 0.5).put("eligible", true);
            sender.sendAsync(model, Json.toString(fair));
            sent += 3;
        }
        sender.flush();
        return sent;
    }

    private static ObjectNode drift(Random random, String model, String batch, Instant at, int b, int features) {
        ObjectNode n = Results.drift(model, batch, at, java.util.List.of());
        ArrayNode list = n.putArray("features");
        ArrayNode quality = n.putArray("dataQuality");
        boolean episode = (b / 40) % 4 == 1;
        int drifted = 0;
        for (int i = 0; i < features; i++) {
            String f = String.format("feature_%02d", i);
            boolean d = random.nextDouble() < (episode && i % 5 == 0 ? 0.7 : 0.01);
            drifted += d ? 1 : 0;
            double psi = d ? 0.1 + random.nextDouble() * 0.5 : random.nextDouble() * 0.06;
            ObjectNode x = list.addObject().put("feature", f).put("type", "numeric").put("test", "ks")
                    .put("statistic", d ? 0.2 + random.nextDouble() * 0.2 : random.nextDouble() * 0.05)
                    .put("pValue", d ? 1e-6 : random.nextDouble()).put("adjustedPValue", d ? 1e-5 : 0.9).put("psi", psi)
                    .put("jensenShannon", psi / 3).put("wasserstein", psi / 2).put("drifted", d);
            if (d) {
                x.put("explanation", f + ": production median 0.47 vs reference 0.41; 21% of rows now fall in the highest "
                        + "reference decile (10% before)");
                ObjectNode details = x.putObject("details");
                details.putArray("topBins").addObject().put("bin", "(0.9, +inf)").put("referenceShare", 0.1)
                        .put("productionShare", 0.21).put("psiTerm", 0.08);
                details.putObject("reference").put("mean", 0.41).put("p10", 0.1).put("p50", 0.41).put("p90", 0.9);
                details.putObject("production").put("mean", 0.47).put("p10", 0.12).put("p50", 0.47).put("p90", 0.97);
            }
            quality.addObject().put("column", f).put("role", "feature").put("type", "numeric").put("referenceMissingShare", 0.01)
                    .put("missingShare", 0.01).put("missingShareChange", 0.0).put("outOfRangeShare", 0.0);
        }
        n.put("driftShare", (double) drifted / features);
        n.put("datasetDrift", drifted * 2 >= features);
        n.put("driftedFeatures", drifted);
        n.put("explanation", drifted + " of " + features + " features drifted.");
        return n;
    }

    /** {@code LargeScenario <bootstrap> <modelId> [batches] [features]}. */
    public static void main(String[] args) {
        try (ResultSender sender = new ResultSender(args.length > 0 ? args[0] : "127.0.0.1:19092")) {
            String model = args.length > 1 ? args[1] : "wide-demo";
            int batches = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
            int features = args.length > 3 ? Integer.parseInt(args[3]) : 50;
            System.out.println(send(sender, model, batches, features, 7) + " results sent for " + model);
        }
    }
}
