package io.modeltrust.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * End-to-end checks, through the HTTP API of a running platform, of what once made it confidently
 * wrong: labels written "1.0" by pandas against class "1", a third label value in a binary model,
 * values of no class, scores that are no probability, and label-free estimates from raw scores of a
 * miscalibrated model, and a multiclass model against scikit-learn ({@link MulticlassTrust}). Prints one PASS/FAIL line per check and "trust: N passed, M failed".
 *
 * <pre>TrustCheck [--ingest URL] [--alerts URL] [--api-key KEY] [--wait-seconds N] [--seed N]</pre>
 */
public final class TrustCheck {

    private static final String SPEC = """
            {"task":"binary_classification","features":[{"name":"x","type":"numeric"},{"name":"region","type":"categorical"}],
             "prediction":"approved","score":"score","label":"repaid","positiveClass":"1","id":"id"}""";
    private static final String HEADER = "id,x,region,score,approved,repaid\n";

    private final PlatformClient client;
    private final SplittableRandom random;
    private final int waitSeconds;
    private int passed;
    private int failed;

    private TrustCheck(PlatformClient client, long seed, int waitSeconds) {
        this.client = client;
        this.random = new SplittableRandom(seed);
        this.waitSeconds = waitSeconds;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Options.parse(args);
        PlatformClient client = new PlatformClient(opts.getOrDefault("ingest", "http://127.0.0.1:8081"),
                opts.getOrDefault("alerts", "http://127.0.0.1:8085"), opts.getOrDefault("api-key", System.getenv("MT_API_KEY")));
        TrustCheck check = new TrustCheck(client, Long.parseLong(opts.getOrDefault("seed", "7")),
                Integer.parseInt(opts.getOrDefault("wait-seconds", "180")));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        check.pandasLabelsGiveTheRealAccuracy("trust-labels-" + run);
        check.refusals("trust-refusals-" + run);
        check.calibratedEstimate("trust-estimate-" + run);
        new MulticlassTrust(check, client).run("trust-multiclass-" + run);
        new FairnessTrust(check, client).run("trust-fairness-" + run);
        AlertTrust alerts = new AlertTrust(check, client, Long.parseLong(opts.getOrDefault("seed", "7")));
        alerts.groupedFeatureRule("trust-grouped-" + run);
        alerts.regressionErrors("trust-regression-" + run);
        alerts.webhookAtThePlatform();
        new DriftTrust(check, client, Long.parseLong(opts.getOrDefault("seed", "7"))).segmentShift("trust-segments-" + run);
        System.out.printf("trust: %d passed, %d failed%n", check.passed, check.failed);
        System.exit(check.failed == 0 ? 0 : 1);
    }

    /** One simulated row: the true probability sigmoid(x), an over-confident score sigmoid(3x). */
    private record Row(String id, double x, String region, double score, int approved, int repaid) {
    }

    private List<Row> rows(String prefix, int n) {
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble(-3, 3);
            double p = 1 / (1 + Math.exp(-x));
            double score = 1 / (1 + Math.exp(-3 * x));
            out.add(new Row(prefix + i, x, random.nextBoolean() ? "north" : "south", score, score >= 0.5 ? 1 : 0,
                    random.nextDouble() < p ? 1 : 0));
        }
        return out;
    }

    /** CSV as pandas writes a frame whose integer columns had missing values: "1.0", "0.0" and "". */
    private static String pandasCsv(List<Row> rows, boolean labels, double missingShare, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (Row row : rows) {
            String label = !labels || r.nextDouble() < missingShare ? "" : row.repaid + ".0";
            sb.append(row.id).append(',').append(String.format(Locale.ROOT, "%.6f", row.x)).append(',').append(row.region)
                    .append(',').append(String.format(Locale.ROOT, "%.6f", row.score)).append(',').append(row.approved)
                    .append(".0,").append(label).append('\n');
        }
        return sb.toString();
    }

    private void pandasLabelsGiveTheRealAccuracy(String model) throws InterruptedException {
        require(client.putModel(model, SPEC), "register " + model);
        SplittableRandom r = random.split();
        require(client.postCsv("/api/v1/models/" + model + "/reference", pandasCsv(rows("r", 2000), true, 0.1, r), null),
                "reference of " + model);
        JsonNode spec = client.getIngest("/api/v1/models/" + model).body();
        verify("the first reference fixes classes [0, 1] from labels written 1.0/0.0",
                spec.path("classes").toString().equals("[\"0\",\"1\"]"), spec.path("classes").toString());
        List<Row> batch = rows("p", 1000);
        String csv = pandasCsv(batch, true, 0, r);
        String batchId = require(client.postCsv("/api/v1/models/" + model + "/batches", csv, null), "batch")
                .path("batchId").asText();
        long correct = batch.stream().filter(b -> b.approved == b.repaid).count();
        long tp = batch.stream().filter(b -> b.approved == 1 && b.repaid == 1).count();
        long fn = batch.stream().filter(b -> b.approved == 0 && b.repaid == 1).count();
        double accuracy = (double) correct / batch.size();
        JsonNode perf = awaitPerformance(model, batchId);
        double got = perf.path("metrics").path("accuracy").asDouble(Double.NaN);
        verify(String.format(Locale.ROOT, "labels 1.0/0.0: accuracy %.4f equals accuracy_score %.4f", got, accuracy),
                Math.abs(got - accuracy) <= 1e-9 * Math.max(1, accuracy), perf.path("confusionMatrix").toString());
        verify("labels 1.0/0.0: the confusion matrix counts tp " + tp + " and fn " + fn,
                perf.path("confusionMatrix").path("tp").asLong() == tp && perf.path("confusionMatrix").path("fn").asLong() == fn,
                perf.path("confusionMatrix").toString());
    }

    private void refusals(String model) {
        require(client.putModel(model, SPEC), "register " + model);
        String three = HEADER + "a,1,north,0.9,1,1\nb,2,north,0.2,0,0\nc,3,south,0.6,1,2\n";
        refused("a first reference with three label values", model, "reference", three, "exactly two");
        SplittableRandom r = random.split();
        require(client.postCsv("/api/v1/models/" + model + "/reference", pandasCsv(rows("r", 200), true, 0, r), null),
                "reference of " + model);
        refused("a prediction 'yes' in a 0/1 model", model, "batches", HEADER + "a,1,north,0.9,yes,\n", "yes");
        refused("a score of 1.7", model, "batches", HEADER + "a,1,north,1.7,1,\n", "[0, 1]");
        refused("a repeated id", model, "batches", HEADER + "a,1,north,0.9,1,\na,2,north,0.1,0,\n", "row 1");
        PlatformClient.Reply put = client.putModel(model, SPEC.replace("binary_classification", "regression"));
        verify("a task change after data is a 409", put.status() == 409, put.status() + " " + put.body());
    }

    private void calibratedEstimate(String model) throws InterruptedException {
        require(client.putModel(model, SPEC), "register " + model);
        SplittableRandom r = random.split();
        require(client.postCsv("/api/v1/models/" + model + "/reference", pandasCsv(rows("r", 20000), true, 0, r), null),
                "reference of " + model);
        List<Row> batch = rows("q", 5000);
        String batchId = require(client.postCsv("/api/v1/models/" + model + "/batches", pandasCsv(batch, false, 0, r), null),
                "unlabelled batch").path("batchId").asText();
        double realised = (double) batch.stream().filter(b -> b.approved == b.repaid).count() / batch.size();
        double raw = batch.stream().mapToDouble(b -> b.approved == 1 ? b.score : 1 - b.score).average().orElse(0);
        JsonNode perf = awaitPerformance(model, batchId);
        double estimated = perf.path("estimated").path("accuracy").asDouble(Double.NaN);
        verify(String.format(Locale.ROOT, "miscalibrated scores, no labels: estimated accuracy %.4f within 0.015 of the "
                        + "realised %.4f (the raw-score estimate would be %.4f)", estimated, realised, raw),
                Math.abs(estimated - realised) <= 0.015, perf.path("estimationNote").asText());
    }

    private JsonNode awaitPerformance(String model, String batchId) throws InterruptedException {
        return awaitReport(model, batchId, "performance").path("performance");
    }

    /** The model's alerts that match, once at least one does (or after 60 s). */
    List<JsonNode> awaitAlerts(String model, java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        List<JsonNode> out = List.of();
        while (System.currentTimeMillis() < deadline) {
            List<JsonNode> all = new ArrayList<>();
            client.getAlerts("/api/v1/alerts?modelId=" + model + "&limit=100").body().forEach(all::add);
            out = all.stream().filter(wanted).toList();
            if (!out.isEmpty()) {
                // a grouped alert is complete when it is first stored; wait a moment for any second one
                Thread.sleep(2000);
                List<JsonNode> again = new ArrayList<>();
                client.getAlerts("/api/v1/alerts?modelId=" + model + "&limit=100").body().forEach(again::add);
                return again.stream().filter(wanted).toList();
            }
            Thread.sleep(500);
        }
        return out;
    }

    /** The batch's report once it holds every one of these kinds of result, else an empty object. */
    JsonNode awaitReport(String model, String batchId, String... kinds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitSeconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            PlatformClient.Reply rep = client.getAlerts("/api/v1/models/" + model + "/batches/" + batchId + "/report");
            if (rep.ok() && java.util.Arrays.stream(kinds).allMatch(k -> rep.body().path(k).isObject())) {
                return rep.body();
            }
            Thread.sleep(500);
        }
        return PlatformClient.JSON.createObjectNode();
    }

    private void refused(String what, String model, String path, String csv, String mention) {
        PlatformClient.Reply r = client.postCsv("/api/v1/models/" + model + "/" + path, csv, null);
        verify(what + " is a 400 that says so", r.status() == 400 && r.body().toString().contains(mention),
                r.status() + " " + r.body());
    }

    JsonNode require(PlatformClient.Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException("could not " + what + ": HTTP " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    void verify(String what, boolean ok, String detail) {
        if (ok) {
            passed++;
            System.out.println("PASS " + what);
        } else {
            failed++;
            System.out.println("FAIL " + what + ": " + detail);
        }
    }
}
