package io.modeltrust.alert.history;

import io.modeltrust.alert.config.AlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links to a batch's report, absolute when alert.public-url is set. */
@ApplicationScoped
public class ReportLinks {

    private final String base;

    public ReportLinks(AlertConfig config) {
        this.base = config.publicUrl().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse("");
    }

    public String report(String modelId, String batchId) {
        return base + "/api/v1/models/" + encode(modelId) + "/batches/" + encode(batchId) + "/report";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
