package io.modeltrust.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The platform's public HTTP API, as a producer or a user calls it. */
final class PlatformClient {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingest;
    private final String alerts;
    private final String apiKey;

    PlatformClient(String ingest, String alerts, String apiKey) {
        this.ingest = ingest;
        this.alerts = alerts;
        this.apiKey = apiKey;
    }

    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    Reply putModel(String modelId, String spec) {
        return send(request(ingest + "/api/v1/models/" + modelId).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(spec)));
    }

    Reply postCsv(String path, String csv, String idempotencyKey) {
        HttpRequest.Builder b = request(ingest + path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    Reply getIngest(String path) {
        return send(request(ingest + path).GET());
    }

    Reply putAlerts(String path, String json) {
        return send(request(alerts + path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply postAlerts(String path, String json) {
        return send(request(alerts + path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply getAlerts(String path) {
        return send(request(alerts + path).GET());
    }

    boolean alertServiceUp() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(alerts + "/q/health/ready")).timeout(Duration.ofSeconds(3))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException | IllegalArgumentException e) {
            return false;
        }
    }

    String alertsBase() {
        return alerts;
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120));
        if (apiKey != null && !apiKey.isBlank()) {
            b.header("X-API-Key", apiKey);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Reply(r.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException("platform unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
