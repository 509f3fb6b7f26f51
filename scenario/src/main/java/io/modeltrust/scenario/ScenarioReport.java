package io.modeltrust.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads what the platform made of the scenario, through the history API, and says it in plain words. */
final class ScenarioReport {

    /** An alert as the history API returns it, placed on the scenario's batch timeline. */
    record Detection(int batch, String severity, String kind, String rule, String subject, String explanation,
                     JsonNode raw) {
    }

    private final PlatformClient client;
    private final String model;
    private final Map<String, Integer> batchIndex;

    ScenarioReport(PlatformClient client, String model, Map<String, Integer> batchIndex) {
        this.client = client;
        this.model = model;
        this.batchIndex = batchIndex;
    }

    /** Waits until every batch has its drift, fairness and labelled performance results in the history. */
    void awaitResults(int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        int complete = 0;
        while (System.currentTimeMillis() < deadline) {
            complete = 0;
            for (String batchId : batchIndex.keySet()) {
                PlatformClient.Reply r = client.getAlerts("/api/v1/models/" + model + "/batches/" + batchId + "/report");
                JsonNode b = r.body();
                if (r.ok() && b.path("drift").isObject() && b.path("fairness").isObject()
                        && b.path("performance").path("revision").asInt() >= 2) {
                    complete++;
                }
            }
            if (complete == batchIndex.size()) {
                break;
            }
            Thread.sleep(2000);
        }
        System.out.printf("%nResults in the history: %d of %d batches complete (drift, fairness, performance with labels).%n",
                complete, batchIndex.size());
        Thread.sleep(3000);
    }

    List<Detection> detections() {
        PlatformClient.Reply r = client.getAlerts("/api/v1/alerts?modelId=" + model + "&limit=500");
        JsonNode list = r.body();
        if (!list.isArray()) {
            for (String field : new String[]{"items", "alerts", "content", "data"}) {
                if (list.path(field).isArray()) {
                    list = list.path(field);
                    break;
                }
            }
        }
        List<Detection> out = new ArrayList<>();
        for (JsonNode a : list) {
            String batchId = a.hasNonNull("firstBatchId") ? a.path("firstBatchId").asText() : a.path("batchId").asText();
            int batch = batchIndex.getOrDefault(batchId, 0);
            out.add(new Detection(batch, a.path("severity").asText(), a.path("kind").asText(), a.path("rule").asText(),
                    a.path("subject").asText(""), a.path("explanation").asText(""), a));
        }
        out.sort(Comparator.comparingInt(Detection::batch).thenComparing(Detection::rule));
        return out;
    }

    void print() {
        List<Detection> found = detections();
        System.out.printf("%nWhat the platform detected (%d alerts):%n", found.size());
        for (Detection d : found) {
            JsonNode a = d.raw();
            System.out.printf(Locale.ROOT, "  batch %2d  %-8s %-12s %s%s%n", d.batch(), d.severity().toUpperCase(Locale.ROOT),
                    d.kind(), d.rule(), d.subject().isEmpty() ? "" : " [" + d.subject() + "]");
            if (a.has("value") && a.has("threshold")) {
                System.out.printf(Locale.ROOT, "            %s = %.4f (threshold %.4f)%s%n", a.path("metric").asText(),
                        a.path("value").asDouble(), a.path("threshold").asDouble(),
                        a.has("occurrences") ? ", seen in " + a.path("occurrences").asInt() + " batch(es)" : "");
            }
            if (!d.explanation().isEmpty()) {
                System.out.println("            why: " + d.explanation());
            }
        }
        System.out.println("\nThe story, by design: batches 1-5 stable; income drifts from batch " + CreditScenario.INCOME_DRIFT_FROM
                + "; approvals for women fall from batch " + CreditScenario.FAIRNESS_FROM + "; accuracy degrades from batch "
                + CreditScenario.ACCURACY_FROM + " (seen when its labels arrive, " + CreditScenario.LABEL_DELAY + " batches later).");
        System.out.println("Dashboard: " + client.alertsBase() + "/");
    }

    /** The end-to-end expectations; prints one line per check and the closing count. */
    boolean check() {
        List<Detection> found = detections();
        List<String> failures = new ArrayList<>();
        int passed = 0;
        passed += expect(failures, "no alert on the stable batches 1-5",
                found.stream().noneMatch(d -> d.batch() >= 1 && d.batch() <= 5));
        passed += expect(failures, "drift first flagged on batch " + CreditScenario.INCOME_DRIFT_FROM + ", naming income",
                first(found, "drift") == CreditScenario.INCOME_DRIFT_FROM && found.stream()
                        .anyMatch(d -> d.kind().equals("drift") && (d.subject() + d.explanation()).contains("income")));
        passed += expect(failures, "critical fairness alert first on batch " + CreditScenario.FAIRNESS_FROM + " for sex=female",
                found.stream().filter(d -> d.kind().equals("fairness") && d.severity().equals("critical"))
                        .mapToInt(Detection::batch).min().orElse(-1) == CreditScenario.FAIRNESS_FROM
                        && found.stream().anyMatch(d -> d.kind().equals("fairness")
                        && (d.subject() + d.explanation()).contains("female")));
        passed += expect(failures, "critical accuracy alert first on batch " + CreditScenario.ACCURACY_FROM,
                found.stream().filter(d -> d.kind().equals("performance") && d.severity().equals("critical"))
                        .mapToInt(Detection::batch).min().orElse(-1) == CreditScenario.ACCURACY_FROM);
        passed += expect(failures, "a retraining recommendation after the accuracy drop",
                found.stream().anyMatch(d -> d.kind().equals("retraining") && d.batch() >= CreditScenario.ACCURACY_FROM));
        System.out.printf("%nscenario: %d passed, %d failed%n", passed, failures.size());
        return failures.isEmpty();
    }

    private static int first(List<Detection> found, String kind) {
        return found.stream().filter(d -> d.kind().equals(kind)).mapToInt(Detection::batch).min().orElse(-1);
    }

    private static int expect(List<String> failures, String what, boolean ok) {
        System.out.println((ok ? "  PASS " : "  FAIL ") + what);
        if (!ok) {
            failures.add(what);
        }
        return ok ? 1 : 0;
    }
}
