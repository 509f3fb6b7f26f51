package io.modeltrust.alert.report.store;

import io.modeltrust.alert.report.Html;
import io.modeltrust.alert.report.Pdf;
import io.modeltrust.alert.report.Period;
import io.modeltrust.alert.report.Report;
import io.modeltrust.alert.report.ReportBuilder;
import io.modeltrust.alert.report.ReportJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** Builds a model's period report from the history and renders it in the asked format. */
@ApplicationScoped
public class ReportService {

    /** The formats of a report; the name is the query value and the stored format. */
    public enum Format {
        HTML("text/html; charset=utf-8", "html"), PDF("application/pdf", "pdf"), JSON("application/json", "json");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format of a query value, or null when it names none. */
        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.id().equals(s)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** A rendered report: its bytes, media type, and what the HTML download's policy must allow. */
    public record Rendered(Report report, Format format, byte[] body, String contentSecurityPolicy) {
    }

    private final ReportSource source;
    private final Clock clock = Clock.systemUTC();

    public ReportService(ReportSource source) {
        this.source = source;
    }

    public Report build(String modelId, Period period) {
        return ReportBuilder.build(source.read(modelId, period, Instant.now(clock)));
    }

    public Rendered render(String modelId, Period period, Format format, Html.Paper paper) {
        return render(build(modelId, period), format, paper);
    }

    public static Rendered render(Report report, Format format, Html.Paper paper) {
        return switch (format) {
            case JSON -> new Rendered(report, format, ReportJson.write(report).getBytes(StandardCharsets.UTF_8), null);
            case HTML -> new Rendered(report, format, Html.render(report, paper).getBytes(StandardCharsets.UTF_8),
                    Html.contentSecurityPolicy(report, paper));
            case PDF -> new Rendered(report, format, Pdf.render(report, paper), null);
        };
    }
}
