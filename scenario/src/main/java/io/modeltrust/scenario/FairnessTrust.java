package io.modeltrust.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fairness defaults on noise and on a real dip, through the HTTP API: 18 approvals in 60 women
 * against 0.40 for 940 men (p ≈ 0.12) must page nobody, while 250 in 1,000 against 400 in 1,000 must open
 * a critical alert that names sex=female.
 */
final class FairnessTrust {

    static final String SPEC = """
            {"task":"binary_classification","features":[{"name":"x","type":"numeric"}],
             "prediction":"approved","id":"id","sensitive":["sex"],"privileged":{"sex":"male"}}""";

    private final TrustCheck check;
    private final PlatformClient client;

    FairnessTrust(TrustCheck check, PlatformClient client) {
        this.check = check;
        this.client = client;
    }

    void run(String model) throws InterruptedException {
        check.require(client.putModel(model, SPEC), "register " + model);
        check.require(client.postCsv("/api/v1/models/" + model + "/reference",
                csv("r", new int[] {1000, 400}, new int[] {1000, 400}), null), "reference of " + model);
        String noise = check.require(client.postCsv("/api/v1/models/" + model + "/batches?at=2026-11-02T00:00:00Z",
                csv("n", new int[] {940, 376}, new int[] {60, 18}), null), "noisy batch").path("batchId").asText();
        check.awaitReport(model, noise, "fairness");
        // Judged with the result it came in: the alerts now are those of the noisy batch alone.
        List<JsonNode> afterNoise = alerts(model);
        List<JsonNode> noisyCritical = afterNoise.stream().filter(a -> "critical".equals(a.path("severity").asText()))
                .toList();
        check.verify("fairness: 18 approvals in 60 women against 0.40 (p ≈ 0.12) opens no critical alert",
                noisyCritical.isEmpty(), noisyCritical.toString());
        String dip = check.require(client.postCsv("/api/v1/models/" + model + "/batches?at=2026-11-03T00:00:00Z",
                csv("d", new int[] {1000, 400}, new int[] {1000, 250}), null), "significant batch").path("batchId").asText();
        check.awaitReport(model, dip, "fairness");
        List<JsonNode> alerts = awaitAlerts(model, dip);
        List<JsonNode> critical = alerts.stream().filter(a -> dip.equals(a.path("batchId").asText())
                && "critical".equals(a.path("severity").asText()) && "fairness".equals(a.path("kind").asText())).toList();
        check.verify("fairness: 250 in 1,000 women against 400 in 1,000 men opens a critical alert naming sex=female",
                critical.size() == 1 && critical.get(0).path("subject").asText().equals("sex=female")
                        && critical.get(0).path("explanation").asText().contains("sex=female"),
                alerts.toString());
    }

    /** The model's alerts once the significant batch has been judged (its critical alert, or the wait ends). */
    private List<JsonNode> awaitAlerts(String model, String batchId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        List<JsonNode> out = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            out = alerts(model);
            if (out.stream().anyMatch(a -> batchId.equals(a.path("batchId").asText())
                    && "critical".equals(a.path("severity").asText()))) {
                return out;
            }
            Thread.sleep(500);
        }
        return out;
    }

    private List<JsonNode> alerts(String model) {
        List<JsonNode> out = new ArrayList<>();
        client.getAlerts("/api/v1/alerts?modelId=" + model + "&limit=100").body().forEach(out::add);
        return out;
    }

    /** Rows of men then women: {rows, approved} each. */
    private static String csv(String prefix, int[] men, int[] women) {
        StringBuilder sb = new StringBuilder("id,x,sex,approved\n");
        int id = 0;
        for (int[] g : List.of(men, women)) {
            String sex = g == men ? "male" : "female";
            for (int i = 0; i < g[0]; i++) {
                sb.append(prefix).append(id++).append(',').append(i % 97).append(',').append(sex).append(',')
                        .append(i < g[1] ? 1 : 0).append('\n');
            }
        }
        return sb.toString();
    }
}
