package io.modeltrust.alert.rest;

import io.modeltrust.alert.report.store.ReportService;
import jakarta.ws.rs.core.Response;

/** The HTTP answer of a rendered or stored report: its media type, a file name, and the HTML's own policy. */
final class ReportResponses {

    private ReportResponses() {
    }

    static Response ok(ReportService.Rendered r, String baseName) {
        return ok(r.body(), r.format(), r.contentSecurityPolicy(), baseName);
    }

    static Response ok(byte[] body, ReportService.Format format, String policy, String baseName) {
        Response.ResponseBuilder b = Response.ok(body, format.mediaType)
                .header("Content-Disposition", (format == ReportService.Format.PDF ? "attachment" : "inline")
                        + "; filename=\"" + baseName + "." + format.extension + "\"")
                .header("Cache-Control", "no-store");
        if (policy != null) {
            // The report styles itself with one inline style element; the service's default policy refuses inline styles.
            b.header("Content-Security-Policy", policy);
        }
        return b.build();
    }
}
