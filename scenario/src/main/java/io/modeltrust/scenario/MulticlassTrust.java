package io.modeltrust.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A 3-class model through the HTTP API against scikit-learn's answers on the same files
 * (resources trust/, made by scenario/src/test/python/generate_multiclass_trust.py): every multiclass
 * metric, the per-class figures and the confusion matrix of a labelled batch whose labels pandas wrote as
 * "2.0"; the estimated accuracy of an unlabelled batch from over-confident scores; the selection rate of
 * the favourable class per group.
 */
final class MulticlassTrust {

    static final String SPEC = """
            {"task":"multiclass_classification",
             "features":[{"name":"x1","type":"numeric"},{"name":"x2","type":"numeric"},{"name":"region","type":"categorical"}],
             "prediction":"grade","label":"true_grade","id":"id","classes":["0","1","2"],
             "scores":{"0":"p0","1":"p1","2":"p2"},
             "sensitive":["region"],"privileged":{"region":"north"},"fairness":{"favorableClass":"2","minGroupSize":30}}""";
    /** docs/metrics.md: 1e-9 relative for statistics and metrics. */
    private static final double TOLERANCE = 1e-9;

    private final TrustCheck check;
    private final PlatformClient client;

    MulticlassTrust(TrustCheck check, PlatformClient client) {
        this.check = check;
        this.client = client;
    }

    void run(String model) throws InterruptedException {
        check.require(client.putModel(model, SPEC), "register " + model);
        check.require(client.postCsv("/api/v1/models/" + model + "/reference", resource("multiclass-reference.csv"),
                null), "reference of " + model);
        JsonNode expected = PlatformClient.parse(resource("multiclass-expected.json"));
        String batchCsv = resource("multiclass-batch.csv");
        String batchId = check.require(client.postCsv("/api/v1/models/" + model + "/batches", batchCsv, null),
                "labelled batch").path("batchId").asText();
        JsonNode report = check.awaitReport(model, batchId, "performance", "fairness");
        JsonNode perf = report.path("performance");
        metrics(expected.path("batch"), perf);
        perClassAndMatrix(expected.path("batch"), perf);
        selectionRates(batchCsv, report.path("fairness"));

        String stableId = check.require(client.postCsv("/api/v1/models/" + model + "/batches",
                resource("multiclass-stable.csv"), null), "unlabelled batch").path("batchId").asText();
        JsonNode estimate = check.awaitReport(model, stableId, "performance").path("performance");
        double realised = expected.path("stable").path("realisedAccuracy").asDouble();
        double raw = expected.path("stable").path("rawScoreEstimate").asDouble();
        double estimated = estimate.path("estimated").path("accuracy").asDouble(Double.NaN);
        check.verify(String.format(Locale.ROOT, "multiclass, over-confident scores, no labels: estimated accuracy %.4f "
                        + "within 0.015 of the realised %.4f (the raw-score estimate would be %.4f)", estimated, realised,
                raw), Math.abs(estimated - realised) <= 0.015, estimate.path("estimationNote").asText());
    }

    private void metrics(JsonNode expected, JsonNode perf) {
        StringBuilder wrong = new StringBuilder();
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("metrics").fields(); it.hasNext(); compared++) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode got = perf.path("metrics").path(e.getKey());
            if (!close(got, e.getValue().asDouble())) {
                wrong.append(' ').append(e.getKey()).append('=').append(got).append(" (sklearn ").append(e.getValue())
                        .append(')');
            }
        }
        check.verify(String.format(Locale.ROOT, "multiclass, labels written 2.0: %d metrics equal scikit-learn "
                + "(accuracy %.4f, macroF1 %.4f, rocAucOvr %.4f, logLoss %.4f)", compared,
                perf.path("metrics").path("accuracy").asDouble(Double.NaN),
                perf.path("metrics").path("macroF1").asDouble(Double.NaN),
                perf.path("metrics").path("rocAucOvr").asDouble(Double.NaN),
                perf.path("metrics").path("logLoss").asDouble(Double.NaN)), wrong.isEmpty(), wrong.toString());
    }

    private void perClassAndMatrix(JsonNode expected, JsonNode perf) {
        StringBuilder wrong = new StringBuilder();
        expected.path("perClass").fields().forEachRemaining(e -> {
            for (String figure : List.of("precision", "recall", "f1", "support")) {
                JsonNode got = perf.path("perClass").path(e.getKey()).path(figure);
                if (!close(got, e.getValue().path(figure).asDouble())) {
                    wrong.append(' ').append(e.getKey()).append('.').append(figure).append('=').append(got);
                }
            }
        });
        JsonNode matrix = perf.path("confusionMatrix");
        boolean sameMatrix = matrix.path("matrix").equals(expected.path("confusionMatrix"))
                && matrix.path("labels").toString().equals("[\"0\",\"1\",\"2\"]");
        check.verify("multiclass: per-class precision, recall, f1, support and the 3×3 confusion matrix equal "
                + "scikit-learn", wrong.isEmpty() && sameMatrix, wrong + " matrix " + matrix);
    }

    /** Selection rate = share of a group's rows predicted as the favourable class "2". */
    private void selectionRates(String csv, JsonNode fairness) {
        String[] lines = csv.split("\n");
        long[] rows = new long[2];
        long[] favourable = new long[2];
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            int g = f[3].equals("north") ? 0 : 1;
            rows[g]++;
            if (f[4].equals("2")) {
                favourable[g]++;
            }
        }
        StringBuilder seen = new StringBuilder();
        boolean ok = false;
        for (JsonNode attribute : fairness.path("attributes")) {
            if (!attribute.path("attribute").asText().equals("region")) {
                continue;
            }
            ok = attribute.path("groups").size() == 2;
            for (JsonNode group : attribute.path("groups")) {
                int g = group.path("group").asText().equals("north") ? 0 : 1;
                double want = (double) favourable[g] / rows[g];
                seen.append(' ').append(group.path("group").asText()).append('=').append(group.path("selectionRate"))
                        .append(" (want ").append(want).append(')');
                ok &= close(group.path("selectionRate"), want) && group.path("count").asLong() == rows[g];
            }
        }
        check.verify("multiclass fairness: the selection rate per region is the share predicted as favourable class 2",
                ok, seen.isEmpty() ? fairness.toString() : seen.toString());
    }

    private static boolean close(JsonNode got, double want) {
        return got.isNumber() && Math.abs(got.asDouble() - want) <= TOLERANCE * Math.max(1, Math.abs(want));
    }

    private static String resource(String name) {
        try (InputStream in = MulticlassTrust.class.getResourceAsStream("/trust/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource trust/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
