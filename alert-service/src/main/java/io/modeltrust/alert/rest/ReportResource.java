package io.modeltrust.alert.rest;

import io.modeltrust.security.ApiProblem;

import io.modeltrust.alert.history.HistoryQueries;
import io.modeltrust.alert.report.Html;
import io.modeltrust.alert.report.Period;
import io.modeltrust.alert.report.store.ReportService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /api/v1/models/{modelId}/report: a period report from the stored history (docs/reports.md). */
@Path("/api/v1/models/{modelId}/report")
@Tag(name = "reports")
public class ReportResource {

    private final ReportService reports;
    private final HistoryQueries history;

    public ReportResource(ReportService reports, HistoryQueries history) {
        this.reports = reports;
        this.history = history;
    }

    @GET
    @Produces({"text/html", "application/pdf", "application/json"})
    @Operation(summary = "A period report of the model: header and summary, performance, drift and data quality, "
            + "fairness per sensitive attribute, the alerts and incidents of the period with their audit trail, the rules "
            + "in force and a reproducibility block. Built from the stored history only; a period without batches is a "
            + "report that says so")
    @APIResponse(responseCode = "200", description = "The report in the asked format (html with inline SVG charts, pdf with "
            + "embedded fonts, page numbers and a table of contents, or json: the same content as data)", content = {
            @Content(mediaType = "text/html", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/json", schema = @Schema(implementation = io.modeltrust.alert.report.Report.class))})
    @APIResponse(responseCode = "400", description = "from or to missing or not an ISO-8601 instant, an inverted or empty "
            + "period, a period longer than 366 days, an unknown format or paper, or a malformed modelId")
    @APIResponse(responseCode = "404", description = "No result of the model has arrived")
    public Response report(@PathParam("modelId") String modelId,
                           @Parameter(description = "Start of the period (inclusive), ISO-8601 instant", required = true)
                           @QueryParam("from") String from,
                           @Parameter(description = "End of the period (exclusive), ISO-8601 instant", required = true)
                           @QueryParam("to") String to,
                           @Parameter(description = "html (default), pdf or json") @QueryParam("format") String format,
                           @Parameter(description = "PDF paper: a4 (default) or letter") @QueryParam("paper") String paper) {
        String model = Params.modelId(modelId);
        Period period = period(from, to);
        ReportService.Format f = format(format);
        Html.Paper p = paper(paper);
        if (!history.modelExists(model)) {
            throw ApiProblem.notFound("no results for model " + model + " have arrived");
        }
        ReportService.Rendered r = reports.render(model, period, f, p);
        return ReportResponses.ok(r, model + "-report-" + day(period.from()) + "-" + day(period.to()));
    }

    static Period period(String from, String to) {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw ApiProblem.badRequest("from and to are required: the report covers [from, to), e.g. "
                    + "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z");
        }
        try {
            return new Period(Params.instant("from", from, null), Params.instant("to", to, null));
        } catch (Period.InvalidPeriodException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    static ReportService.Format format(String format) {
        if (format == null || format.isBlank()) {
            return ReportService.Format.HTML;
        }
        ReportService.Format f = ReportService.Format.parse(format);
        if (f == null) {
            throw ApiProblem.badRequest("format '" + format + "' is not one of html, pdf, json");
        }
        return f;
    }

    static Html.Paper paper(String paper) {
        if (paper == null || paper.isBlank() || "a4".equals(paper)) {
            return Html.Paper.A4;
        }
        if ("letter".equals(paper)) {
            return Html.Paper.LETTER;
        }
        throw ApiProblem.badRequest("paper '" + paper + "' is not one of a4, letter");
    }

    private static String day(Instant t) {
        return t.toString().substring(0, 10);
    }
}
