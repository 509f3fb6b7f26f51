package io.modeltrust.alert.history;

import io.modeltrust.alert.config.AlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links to a batch's report and to the dashboard's pages. Alert events and webhooks carry absolute
 * ones, prefixed with alert.public-url, as their readers are elsewhere; the API's answers carry paths
 * on this service, right wherever it is reached from.
 */
@ApplicationScoped
public class ReportLinks {

    private final String base;

    public ReportLinks(AlertConfig config) {
        String url = config.publicUrl().trim();
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("alert.public-url '" + url + "' is not a URL: " + e.getMessage());
        }
        if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
                || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalStateException("alert.public-url '" + url
                    + "' must be an absolute http or https URL without query or fragment, e.g. https://monitoring.example.com");
        }
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The report's path on this service, for API answers. */
    public String reportPath(String modelId, String batchId) {
        return "/api/v1/models/" + encode(modelId) + "/batches/" + encode(batchId) + "/report";
    }

    /** The report's absolute URL, for notifications. */
    public String report(String modelId, String batchId) {
        return base + reportPath(modelId, batchId);
    }

    /** A path on this service made absolute with alert.public-url, for notifications. */
    public String absolute(String path) {
        return base + path;
    }

    /** The dashboard's page of an alert, absolute, for notifications. */
    public String alertPage(String alertId) {
        return base + "/#/alerts/" + encode(alertId);
    }

    /** The dashboard's page of a model, absolute, for notification digests. */
    public String modelPage(String modelId) {
        return base + "/#/models/" + encode(modelId);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
