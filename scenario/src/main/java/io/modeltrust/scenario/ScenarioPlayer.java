package io.modeltrust.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plays the credit scenario through the HTTP API, as a producer would, then reports what the
 * platform detected. {@code --check} turns the report into assertions (the end-to-end test).
 *
 * <pre>java -cp scenario/target/scenario.jar:scenario/target/lib/* io.modeltrust.scenario.ScenarioPlayer
 *      [--ingest URL] [--alerts URL] [--api-key KEY] [--seed N] [--check] [--wait-seconds N]</pre>
 */
public final class ScenarioPlayer {

    private ScenarioPlayer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Options.parse(args);
        PlatformClient client = new PlatformClient(opts.getOrDefault("ingest", "http://127.0.0.1:8081"),
                opts.getOrDefault("alerts", "http://127.0.0.1:8085"), opts.getOrDefault("api-key", System.getenv("MT_API_KEY")));
        CreditScenario scenario = new CreditScenario(Long.parseLong(opts.getOrDefault("seed", "42")));
        String model = opts.getOrDefault("model", CreditScenario.MODEL_ID);
        Map<String, Integer> batchIndex = play(client, scenario, model);
        int waitSeconds = Integer.parseInt(opts.getOrDefault("wait-seconds", "240"));
        ScenarioReport report = new ScenarioReport(client, model, batchIndex);
        if (!client.alertServiceUp()) {
            System.out.println("\nThe alert service is not running, so there are no detections to report yet.");
            System.exit(opts.containsKey("check") ? 1 : 0);
        }
        report.awaitResults(waitSeconds);
        report.print();
        if (opts.containsKey("check")) {
            System.exit(report.check() ? 0 : 1);
        }
    }

    /** Registers the model, uploads the reference, posts every batch and, three batches late, its labels. */
    static Map<String, Integer> play(PlatformClient client, CreditScenario scenario, String model) {
        System.out.println("Credit-scoring scenario: model '" + model + "', " + CreditScenario.BATCHES + " daily batches of "
                + CreditScenario.BATCH_ROWS + " applications.");
        expect(client.putModel(model, CreditScenario.modelSpecJson()), "register the model");
        PlatformClient.Reply ref = client.postCsv("/api/v1/models/" + model + "/reference", scenario.referenceCsv(), null);
        expect(ref, "upload the reference");
        System.out.printf("  reference: %d rows, version %d%n", ref.body().path("rows").asLong(),
                ref.body().path("referenceVersion").asInt());
        Map<String, Integer> batchIndex = new LinkedHashMap<>();
        Map<Integer, String> batchIds = new LinkedHashMap<>();
        for (int k = 1; k <= CreditScenario.BATCHES; k++) {
            PlatformClient.Reply r = client.postCsv("/api/v1/models/" + model + "/batches?at=" + CreditScenario.batchTime(k),
                    scenario.batchCsv(k), "scenario-" + model + "-batch-" + k);
            expect(r, "post batch " + k);
            String batchId = r.body().path("batchId").asText();
            batchIndex.put(batchId, k);
            batchIds.put(k, batchId);
            String labels = "";
            if (k > CreditScenario.LABEL_DELAY) {
                labels = postLabels(client, scenario, model, k - CreditScenario.LABEL_DELAY);
            }
            System.out.printf("  batch %2d (%s): %d rows accepted, batchId %s%s%n", k,
                    CreditScenario.batchTime(k).toString().substring(0, 10), r.body().path("rows").asLong(), batchId, labels);
        }
        for (int k = CreditScenario.BATCHES - CreditScenario.LABEL_DELAY + 1; k <= CreditScenario.BATCHES; k++) {
            System.out.println("  later:" + postLabels(client, scenario, model, k));
        }
        return batchIndex;
    }

    private static String postLabels(PlatformClient client, CreditScenario scenario, String model, int k) {
        PlatformClient.Reply r = client.postCsv("/api/v1/models/" + model + "/labels", scenario.labelsCsv(k), null);
        expect(r, "post labels of batch " + k);
        return String.format("; labels of batch %d arrived (%d of %d matched)", k, r.body().path("matched").asLong(),
                r.body().path("rows").asLong());
    }

    private static void expect(PlatformClient.Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException("could not " + what + ": HTTP " + reply.status() + " " + reply.body());
        }
    }
}
