package io.modeltrust.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saves the history API's answers about a model, one file per request (status line, then the body as
 * sent), so that two alert services can be compared byte for byte with {@code diff -r}: the backup
 * check compares the running service with a second one on the restored database. The requests are
 * chosen from the first service's answers (models, the model's batches, the newest and oldest batch's
 * report, two series, its alerts and the first alert's detail) and written to paths.txt, which the
 * second snapshot replays.
 *
 * <pre>java -cp scenario/target/scenario.jar:scenario/target/lib/* io.modeltrust.scenario.HistorySnapshot
 *      --base URL (--model ID | --paths FILE) --out DIR [--api-key KEY]</pre>
 */
public final class HistorySnapshot {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String apiKey;

    private HistorySnapshot(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Options.parse(args);
        HistorySnapshot snapshot = new HistorySnapshot(opts.get("base"), opts.getOrDefault("api-key", System.getenv("MT_API_KEY")));
        Path out = Path.of(opts.get("out"));
        Files.createDirectories(out);
        List<String> paths = opts.containsKey("paths") ? Files.readAllLines(Path.of(opts.get("paths")))
                : snapshot.discover(opts.get("model"));
        for (int i = 0; i < paths.size(); i++) {
            HttpResponse<byte[]> r = snapshot.get(paths.get(i));
            byte[] status = ("HTTP " + r.statusCode() + " " + paths.get(i) + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = r.body();
            byte[] file = new byte[status.length + body.length];
            System.arraycopy(status, 0, file, 0, status.length);
            System.arraycopy(body, 0, file, status.length, body.length);
            Files.write(out.resolve(String.format("%02d.json", i)), file);
        }
        Files.write(out.resolve("paths.txt"), paths);
        System.out.printf("history snapshot of %s: %d answers in %s%n", snapshot.base, paths.size(), out);
    }

    /** The requests worth comparing for this model, from the service's own answers. */
    private List<String> discover(String model) throws IOException, InterruptedException {
        String m = URLEncoder.encode(model, StandardCharsets.UTF_8);
        List<String> paths = new ArrayList<>(List.of("/api/v1/models", "/api/v1/models/" + m,
                "/api/v1/models/" + m + "/batches?limit=1000", "/api/v1/models/" + m + "/metrics/drift.driftShare",
                "/api/v1/models/" + m + "/metrics/performance.accuracy", "/api/v1/models/" + m + "/alert-rules",
                "/api/v1/alerts?modelId=" + m + "&limit=500"));
        JsonNode batches = PlatformClient.JSON.readTree(get(paths.get(2)).body());
        if (batches.size() > 0) {
            paths.add("/api/v1/models/" + m + "/batches/" + batches.get(0).path("batchId").asText() + "/report");
            paths.add("/api/v1/models/" + m + "/batches/" + batches.get(batches.size() - 1).path("batchId").asText() + "/report");
        }
        JsonNode alerts = PlatformClient.JSON.readTree(get(paths.get(6)).body());
        if (alerts.size() > 0) {
            paths.add("/api/v1/alerts/" + alerts.get(0).path("alertId").asText());
        }
        return paths;
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (apiKey != null && !apiKey.isBlank()) {
            b.header("X-API-Key", apiKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
