package io.modeltrust.alert.rest;

import io.modeltrust.security.ApiProblem;

import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.report.store.ReportHref;
import io.modeltrust.alert.report.store.ReportService;
import io.modeltrust.alert.report.store.ReportStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stored reports: a model's list and the download. Two class paths, as JAX-RS picks a class by its longest
 * matching path: under /api/v1 alone, ModelResource (/api/v1/models) would take the list's requests.
 */
public class StoredReportResource {

    private final DataSource dataSource;
    private final ReportStore store;

    StoredReportResource(DataSource dataSource, ReportStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /** GET /api/v1/models/{modelId}/reports. */
    @Path("/api/v1/models/{modelId}/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "reports")
    public static class ModelReports {

        private final StoredReportResource reports;

        public ModelReports(DataSource dataSource, ReportStore store) {
            this.reports = new StoredReportResource(dataSource, store);
        }

        @GET
        @Operation(summary = "The reports made for a model, newest first, each with its metadata and a download href")
        @APIResponse(responseCode = "200", description = "Stored reports (an empty list when none was made)")
        @APIResponse(responseCode = "400", description = "A malformed modelId, limit or offset")
        public List<Map<String, Object>> reports(@PathParam("modelId") String modelId, @QueryParam("limit") Integer limit,
                                                 @QueryParam("offset") Integer offset) {
            String model = Params.modelId(modelId);
            return Jdbc.call(() -> {
                try (Connection c = reports.dataSource.getConnection()) {
                    return reports.store.reports(c, model, Params.limit(limit, 50, 500), Params.offset(offset)).stream()
                            .map(StoredReportResource::withHref).toList();
                }
            });
        }
    }

    /** GET /api/v1/reports/{reportId}. */
    @Path("/api/v1/reports/{reportId}")
    @Tag(name = "reports")
    public static class Download {

        private final StoredReportResource reports;

        public Download(DataSource dataSource, ReportStore store) {
            this.reports = new StoredReportResource(dataSource, store);
        }

        @GET
        @Produces({"application/pdf", "text/html", "application/json"})
        @Operation(summary = "Download a stored report, in the format it was made in")
        @APIResponse(responseCode = "200", description = "The document (PDF, HTML or JSON)", content = {
                @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "application/json", schema = @Schema(implementation = io.modeltrust.alert.report.Report.class))})
        @APIResponse(responseCode = "404", description = "No report of that id (or the retention removed it)")
        public Response download(@PathParam("reportId") String reportId) {
            ReportStore.Document d = Jdbc.call(() -> {
                try (Connection c = reports.dataSource.getConnection()) {
                    return reports.store.document(c, ReportScheduleResource.id(reportId));
                }
            });
            if (d == null) {
                throw ApiProblem.notFound("no report " + reportId);
            }
            ReportService.Format format = ReportService.Format.parse(d.meta().format());
            String policy = format == ReportService.Format.HTML
                    ? io.modeltrust.alert.report.Html.contentSecurityPolicy(new String(d.body(), java.nio.charset.StandardCharsets.UTF_8))
                    : null;
            return ReportResponses.ok(d.body(), format, policy, d.meta().modelId() + "-report-"
                    + d.meta().from().toString().substring(0, 10) + "-" + d.meta().to().toString().substring(0, 10));
        }
    }

    static Map<String, Object> withHref(ReportStore.Stored r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("reportId", r.reportId());
        m.put("modelId", r.modelId());
        m.put("scheduleId", r.scheduleId());
        m.put("trigger", r.trigger());
        m.put("from", r.from());
        m.put("to", r.to());
        m.put("format", r.format());
        m.put("mediaType", r.mediaType());
        m.put("sizeBytes", r.sizeBytes());
        m.put("batches", r.batches());
        m.put("alerts", r.alerts());
        m.put("summary", r.summary());
        m.put("generatedAt", r.generatedAt());
        m.put("href", ReportHref.of(r.reportId()));
        return m;
    }
}
