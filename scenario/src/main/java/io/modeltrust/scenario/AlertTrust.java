package io.modeltrust.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Alerting decisions through the HTTP API, as issue B's acceptance states them: a user's per-feature PSI rule
 * without {@code group} opens one alert for a ten-feature shift that names all ten; a regression model whose
 * errors tripled gets an MAE or RMSE alert; a webhook aimed at the platform's own port is refused with a 400.
 */
final class AlertTrust {

    private static final int FEATURES = 10;

    private final TrustCheck check;
    private final PlatformClient client;
    private final SplittableRandom random;

    AlertTrust(TrustCheck check, PlatformClient client, long seed) {
        this.check = check;
        this.client = client;
        this.random = new SplittableRandom(seed);
    }

    void groupedFeatureRule(String model) throws InterruptedException {
        StringBuilder spec = new StringBuilder("{\"task\":\"binary_classification\",\"features\":[");
        for (int f = 0; f < FEATURES; f++) {
            spec.append(f == 0 ? "" : ",").append("{\"name\":\"f").append(f).append("\",\"type\":\"numeric\"}");
        }
        spec.append("],\"prediction\":\"approved\",\"classes\":[\"0\",\"1\"],\"id\":\"id\"}");
        check.require(client.putModel(model, spec.toString()), "register " + model);
        check.require(client.postCsv("/api/v1/models/" + model + "/reference", features("r", 2000, 0), null),
                "reference of " + model);
        // The rules are the model's once alert-service knows it: a first, stable batch introduces it.
        String stable = check.require(client.postCsv("/api/v1/models/" + model + "/batches?at=2026-11-02T00:00:00Z",
                features("s", 500, 0), null), "stable batch").path("batchId").asText();
        check.awaitReport(model, stable, "drift");
        check.require(client.putAlerts("/api/v1/models/" + model + "/alert-rules", """
                [{"id": "feature-psi", "path": "drift.features.*.psi", "comparator": "gte", "threshold": 0.2,
                  "severity": "warning"}]"""), "replace the rules of " + model);
        String shifted = check.require(client.postCsv("/api/v1/models/" + model + "/batches?at=2026-11-03T00:00:00Z",
                features("d", 500, 1.0), null), "shifted batch").path("batchId").asText();
        check.awaitReport(model, shifted, "drift");
        List<JsonNode> fired = check.awaitAlerts(model, a -> "feature-psi".equals(a.path("rule").asText()));
        List<String> subjects = new ArrayList<>();
        fired.forEach(a -> a.path("subjects").forEach(s -> subjects.add(s.asText())));
        check.verify("alerts: a per-feature PSI rule without group opens one alert for a ten-feature shift, naming all ten",
                fired.size() == 1 && subjects.size() == FEATURES && subjects.stream().distinct().count() == FEATURES,
                fired.toString());
    }

    void regressionErrors(String model) throws InterruptedException {
        check.require(client.putModel(model, """
                {"task":"regression","features":[{"name":"x","type":"numeric"}],
                 "prediction":"predicted","label":"actual","id":"id"}"""), "register " + model);
        check.require(client.postCsv("/api/v1/models/" + model + "/reference", regression("r", 2000, 1.0), null),
                "reference of " + model);
        String worse = check.require(client.postCsv("/api/v1/models/" + model + "/batches?at=2026-11-02T00:00:00Z",
                regression("b", 1000, 3.0), null), "batch with tripled errors").path("batchId").asText();
        check.awaitReport(model, worse, "performance");
        List<JsonNode> fired = check.awaitAlerts(model, a -> a.path("rule").asText().matches("performance\\.(mae|rmse)-increase"));
        check.verify("alerts: a regression model whose errors tripled gets an MAE or RMSE alert", !fired.isEmpty(),
                fired.toString());
    }

    void webhookAtThePlatform() {
        URI own = URI.create(client.alertsBase());
        String url = own.getScheme() + "://" + own.getHost() + ":" + own.getPort() + "/api/v1/alerts";
        PlatformClient.Reply r = client.postAlerts("/api/v1/notification-channels",
                "{\"type\": \"webhook\", \"url\": \"" + url + "\"}");
        check.verify("alerts: a webhook aimed at the platform's own port (" + url + ") is refused with a 400",
                r.status() == 400, r.status() + " " + r.body());
    }

    /** Ten independent standard normal features, each shifted by {@code shift}; predictions alternate. */
    private String features(String prefix, int rows, double shift) {
        StringBuilder sb = new StringBuilder("id");
        for (int f = 0; f < FEATURES; f++) {
            sb.append(",f").append(f);
        }
        sb.append(",approved\n");
        for (int i = 0; i < rows; i++) {
            sb.append(prefix).append(i);
            for (int f = 0; f < FEATURES; f++) {
                sb.append(',').append(String.format(Locale.ROOT, "%.5f", gaussian() + shift));
            }
            sb.append(',').append(i % 2).append('\n');
        }
        return sb.toString();
    }

    /** actual = 2x + noise of the given standard deviation; the model predicts 2x. */
    private String regression(String prefix, int rows, double noise) {
        StringBuilder sb = new StringBuilder("id,x,predicted,actual\n");
        for (int i = 0; i < rows; i++) {
            double x = random.nextDouble(-3, 3);
            sb.append(prefix).append(i).append(',').append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f", x, 2 * x,
                    2 * x + noise * gaussian())).append('\n');
        }
        return sb.toString();
    }

    private double gaussian() {
        double u = random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
