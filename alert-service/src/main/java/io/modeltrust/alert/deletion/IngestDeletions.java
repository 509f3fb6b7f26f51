package io.modeltrust.alert.deletion;

import io.modeltrust.alert.config.AlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Forwards the dashboard's DELETE of a model to ingest (alert.ingest-url), which owns the registry and
 * publishes the deletion to every service: the dashboard is served by alert-service and knows no other
 * origin. The caller's API key goes along, so ingest decides who may delete.
 */
@ApplicationScoped
public class IngestDeletions {

    /** Ingest's answer, passed back as it is. */
    public record Answer(int status, String contentType, String body) {
    }

    private final AlertConfig config;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public IngestDeletions(AlertConfig config) {
        this.config = config;
    }

    /** Ingest's answer, or null when ingest could not be reached. */
    public Answer deleteModel(String modelId, String apiKey) {
        String base = config.ingestUrl().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/models/"
                        + URLEncoder.encode(modelId, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").DELETE();
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("X-API-Key", apiKey);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type")
                    .orElse("application/json"), response.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
