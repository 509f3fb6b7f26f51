package io.modeltrust.alert.rest;

import io.modeltrust.security.ApiProblem;

import io.modeltrust.alert.history.HistoryQueries;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.notify.ChannelStore;
import io.modeltrust.alert.report.store.Every;
import io.modeltrust.alert.report.store.ReportHref;
import io.modeltrust.alert.report.store.ReportRuns;
import io.modeltrust.alert.report.store.ReportService;
import io.modeltrust.alert.report.store.ReportStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Report schedules and their runs on demand (docs/api.md, "Reports"). */
@Path("/api/v1/report-schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportScheduleResource {

    /** POST body: {@code every} an ISO-8601 duration, {@code format} html, pdf or json, {@code channelId} optional. */
    public record ScheduleRequest(String modelId, String every, String format, String channelId) {
    }

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final DataSource dataSource;
    private final ReportStore store;
    private final ReportRuns runs;
    private final ChannelStore channels;
    private final HistoryQueries history;

    public ReportScheduleResource(DataSource dataSource, ReportStore store, ReportRuns runs, ChannelStore channels,
                                  HistoryQueries history) {
        this.dataSource = dataSource;
        this.store = store;
        this.runs = runs;
        this.channels = channels;
        this.history = history;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule a model's report every period {modelId, every: P7D | P1M | any ISO-8601 duration from PT1H "
            + "to 366 days, format: html | pdf | json, channelId}. The first report covers the first full period after now")
    @APIResponse(responseCode = "201", description = "Scheduled: {scheduleId, ...}", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportStore.Schedule.class)))
    @APIResponse(responseCode = "400", description = "A missing or malformed modelId, every, format, or an unknown channelId")
    @APIResponse(responseCode = "404", description = "No result of the model has arrived")
    public Response create(ScheduleRequest in, @HeaderParam("X-User") String user) {
        if (in == null) {
            throw ApiProblem.badRequest("a body {modelId, every, format, channelId} is required");
        }
        String model = Params.modelId(in.modelId());
        Every every;
        try {
            every = Every.parse(in.every());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        ReportService.Format format = ReportResource.format(in.format() == null ? "pdf" : in.format());
        if (!history.modelExists(model)) {
            throw ApiProblem.notFound("no results for model " + model + " have arrived");
        }
        Instant now = Instant.now();
        ReportStore.Schedule s = new ReportStore.Schedule(UUID.randomUUID().toString(), model, in.every(), format.id(),
                blank(in.channelId()), every.after(now), null, now);
        Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (s.channelId() != null && channels.find(c, s.channelId(), false) == null) {
                    throw ApiProblem.badRequest("channelId " + s.channelId() + " names no notification channel");
                }
                store.insert(c, s, user == null ? "api" : user);
                return null;
            }
        });
        return Response.created(URI.create("/api/v1/report-schedules/" + s.scheduleId())).entity(s).build();
    }

    @GET
    @Operation(summary = "Report schedules, oldest first; modelId= narrows to one model")
    @APIResponse(responseCode = "200", description = "The schedules with their next run")
    @APIResponse(responseCode = "400", description = "A malformed modelId")
    public List<ReportStore.Schedule> list(@QueryParam("modelId") String modelId) {
        String model = modelId == null ? null : Params.modelId(modelId);
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return store.schedules(c, model);
            }
        });
    }

    @GET
    @Path("{scheduleId}")
    @Operation(summary = "One report schedule")
    @APIResponse(responseCode = "200", description = "The schedule")
    @APIResponse(responseCode = "404", description = "No schedule of that id")
    public ReportStore.Schedule get(@PathParam("scheduleId") String scheduleId) {
        ReportStore.Schedule s = Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return store.schedule(c, id(scheduleId), false);
            }
        });
        if (s == null) {
            throw ApiProblem.notFound("no report schedule " + scheduleId);
        }
        return s;
    }

    @DELETE
    @Path("{scheduleId}")
    @Operation(summary = "Delete a schedule; the reports it made stay until the history's retention removes them")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No schedule of that id")
    public Response delete(@PathParam("scheduleId") String scheduleId) {
        boolean gone = Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return store.delete(c, id(scheduleId));
            }
        });
        if (!gone) {
            throw ApiProblem.notFound("no report schedule " + scheduleId);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{scheduleId}/run")
    @Operation(summary = "Make the schedule's report now: the period of one 'every' ending now, stored and sent to its channel")
    @APIResponse(responseCode = "201", description = "The stored report's metadata with its download href",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = io.modeltrust.alert.rest.openapi.Schemas.StoredReport.class)))
    @APIResponse(responseCode = "404", description = "No schedule of that id")
    public Response run(@PathParam("scheduleId") String scheduleId) {
        ReportStore.Stored r = runs.runNow(id(scheduleId), Instant.now());
        if (r == null) {
            throw ApiProblem.notFound("no report schedule " + scheduleId);
        }
        String href = ReportHref.of(r.reportId());
        return Response.created(URI.create(href)).entity(StoredReportResource.withHref(r)).build();
    }

    static String id(String s) {
        if (s == null || !UUID_TEXT.matcher(s).matches()) {
            throw ApiProblem.notFound("no such id " + s);
        }
        return s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
