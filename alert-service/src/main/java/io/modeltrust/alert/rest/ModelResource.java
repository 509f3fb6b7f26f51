package io.modeltrust.alert.rest;

import io.modeltrust.security.ApiProblem;

import io.modeltrust.alert.history.HistoryQueries;
import io.modeltrust.alert.history.ReportLinks;
import io.modeltrust.alert.history.SeriesNames;
import io.modeltrust.alert.history.VectorStore;
import io.modeltrust.alert.lifecycle.AlertQueries;
import io.modeltrust.alert.rules.MetricPath;
import io.modeltrust.model.Json;
import io.modeltrust.alert.deletion.IngestDeletions;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The history API of docs/api.md: models, the batch timeline, per-batch reports and metric time series. */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "history")
public class ModelResource {

    /**
     * One batch of the timeline: its position among the model's batches (1 = oldest), which results arrived
     * (kind → latest revision) and its open alerts.
     */
    public record BatchView(String batchId, long n, Instant at, Map<String, Integer> results, List<AlertQueries.Brief> openAlerts,
                            String reportUrl) {
    }

    @Inject
    HistoryQueries history;
    @Inject
    AlertQueries alerts;
    @Inject
    ReportLinks links;
    @Inject
    IngestDeletions ingest;

    @GET
    @APIResponse(responseCode = "200", description = "Model summaries")
    @APIResponse(responseCode = "400", description = "A query parameter that is out of range or not one of its values, or a modelId that is no model id")
    @Operation(summary = "Models known to the alert service (those with at least one result), with latest batch and open alerts")
    public List<HistoryQueries.ModelSummary> models(@QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
        return history.models(null, Params.limit(limit, 100, 1000), Params.offset(offset));
    }

    @DELETE
    @Path("{modelId}")
    @Operation(summary = "Delete a model everywhere, through ingest",
            description = "For the dashboard, which knows only this service: forwarded to ingest's DELETE "
                    + "/api/v1/models/{modelId} (alert.ingest-url) with the caller's X-API-Key, and ingest's answer "
                    + "passed back. Every service, this one included, then deletes the model's data.")
    @APIResponse(responseCode = "202", description = "Accepted by ingest: its deletion record (docs/api.md \"Deleting\")",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = io.modeltrust.alert.rest.openapi.Schemas.Deletion.class)))
    @APIResponse(responseCode = "404", description = "Ingest knows no such model")
    @APIResponse(responseCode = "503", description = "Ingest could not be reached")
    public Response delete(@PathParam("modelId") String modelId, @HeaderParam("X-API-Key") String apiKey) {
        IngestDeletions.Answer answer = ingest.deleteModel(modelId, apiKey);
        if (answer == null) {
            throw new ApiProblem(503, "Ingest unavailable", "ingest-service could not be reached to delete model "
                    + modelId + "; retry, or DELETE it on ingest directly");
        }
        return Response.status(answer.status()).type(answer.contentType()).entity(answer.body()).build();
    }

    @GET
    @Path("{modelId}")
    @APIResponse(responseCode = "200", description = "The model's summary")
    @APIResponse(responseCode = "400", description = "A query parameter that is out of range or not one of its values, or a modelId that is no model id")
    @APIResponse(responseCode = "404", description = "No result of the model has arrived")
    @Operation(summary = "One model's summary")
    public HistoryQueries.ModelSummary model(@PathParam("modelId") String modelId) {
        List<HistoryQueries.ModelSummary> found = history.models(Params.modelId(modelId), 1, 0);
        if (found.isEmpty()) {
            throw ApiProblem.notFound("no results for model " + modelId + " have arrived");
        }
        return found.get(0);
    }

    @GET
    @Path("{modelId}/batches")
    @APIResponse(responseCode = "200", description = "Batches, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ModelResource.BatchView.class)))
    @APIResponse(responseCode = "400", description = "A query parameter that is out of range or not one of its values, or a modelId that is no model id")
    @APIResponse(responseCode = "404", description = "No result of the model has arrived")
    @Operation(summary = "Batches newest first, each with the results that arrived and its open alerts; paged by limit/offset "
            + "(a Link rel=next header points to the next page)")
    public Response batches(@PathParam("modelId") String modelId, @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset, @Context UriInfo uri) {
        known(modelId);
        int n = Params.limit(limit, 50, 1000);
        int skip = Params.offset(offset);
        List<HistoryQueries.BatchEntry> page = history.batches(modelId, Params.instant("from", from, Params.EARLIEST),
                Params.instant("to", to, Params.LATEST), n + 1, skip);
        boolean more = page.size() > n;
        List<HistoryQueries.BatchEntry> shown = more ? page.subList(0, n) : page;
        Map<String, List<AlertQueries.Brief>> open = alerts.openForBatches(modelId,
                shown.stream().map(HistoryQueries.BatchEntry::batchId).toList());
        List<BatchView> body = shown.stream().map(b -> new BatchView(b.batchId(), b.n(), b.at(), b.results(),
                open.getOrDefault(b.batchId(), List.of()), links.reportPath(modelId, b.batchId()))).toList();
        Response.ResponseBuilder r = Response.ok(body);
        if (more) {
            r.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("offset", skip + n).build() + ">; rel=\"next\"");
        }
        return r.build();
    }

    @GET
    @Path("{modelId}/batches/{batchId}/report")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = io.modeltrust.alert.rest.openapi.Schemas.BatchReport.class)))
    @APIResponse(responseCode = "400", description = "A query parameter that is out of range or not one of its values, or a modelId that is no model id")
    @APIResponse(responseCode = "404", description = "The model has no such batch here")
    @Operation(summary = "The batch's stored result events as published (latest revision of each kind) and its alerts")
    public Response report(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId) {
        HistoryQueries.StoredBatch batch = history.batch(Params.modelId(modelId), batchId);
        if (batch == null) {
            throw ApiProblem.notFound("model " + modelId + " has no batch " + batchId + " here");
        }
        // Written by hand so the stored events go out byte for byte as received, not re-serialised.
        StringBuilder out = new StringBuilder(4096).append('{');
        field(out, "modelId", Json.toString(modelId)).append(',');
        field(out, "batchId", Json.toString(batchId)).append(',');
        field(out, "at", Json.toString(batch.at())).append(',');
        for (String kind : List.of("drift", "performance", "fairness")) {
            String payload = batch.payloads().get(kind);
            field(out, kind, payload == null ? "null" : payload).append(',');
        }
        field(out, "revisions", Json.toString(batch.revisions())).append(',');
        field(out, "alerts", Json.toString(alerts.forBatch(modelId, batchId)));
        return Response.ok(out.append('}').toString(), MediaType.APPLICATION_JSON).build();
    }

    private static StringBuilder field(StringBuilder out, String name, String json) {
        return out.append('"').append(name).append("\":").append(json);
    }

    @GET
    @Path("{modelId}/batches/{batchId}/results/{kind}")
    @APIResponse(responseCode = "200", description = "The result event as published", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = io.modeltrust.alert.rest.openapi.Schemas.StoredResult.class)))
    @APIResponse(responseCode = "400", description = "kind is not drift, performance or fairness, or the modelId is no model id")
    @APIResponse(responseCode = "404", description = "No such result or revision")
    @Operation(summary = "One stored result revision exactly as received (default: the latest)")
    public Response result(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId,
                           @PathParam("kind") String kind, @QueryParam("revision") Integer revision) {
        Params.oneOf("kind", kind, "drift", "performance", "fairness");
        HistoryQueries.StoredBatch batch = history.batch(Params.modelId(modelId), batchId);
        List<Integer> revisions = batch == null ? null : batch.revisions().get(kind);
        if (revisions == null) {
            throw ApiProblem.notFound("no " + kind + " result for batch " + batchId + " of model " + modelId);
        }
        int wanted = revision == null ? revisions.get(revisions.size() - 1) : revision;
        String payload = history.result(modelId, batchId, kind, wanted);
        if (payload == null) {
            throw ApiProblem.notFound("no revision " + wanted + " of the " + kind + " result; stored: " + revisions);
        }
        return Response.ok(payload, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{modelId}/metrics/{metric}")
    @APIResponse(responseCode = "200", description = "The series, oldest first; header X-Metric-Path names the path used", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = io.modeltrust.alert.rest.openapi.Schemas.SeriesPoint.class)))
    @APIResponse(responseCode = "400", description = "An unknown metric or path, or a bad query parameter")
    @APIResponse(responseCode = "404", description = "No result of the model has arrived")
    @Operation(summary = "A metric time series [{batchId, at, value}], oldest first. {metric} is a path "
            + "(drift.driftShare, performance.accuracy, fairness.sex.groups.female.selectionRate) or a short name with "
            + "feature= (feature, data-quality column or fairness attribute) and group= (fairness group)")
    public Response series(@PathParam("modelId") String modelId, @PathParam("metric") String metric,
                           @QueryParam("feature") String feature, @QueryParam("attribute") String attribute,
                           @QueryParam("group") String group, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("limit") Integer limit) {
        Params.modelId(modelId);
        MetricPath path = SeriesNames.resolve(metric, feature != null ? feature : attribute, group);
        List<VectorStore.SeriesPoint> points = history.series(modelId, path, Params.instant("from", from, Params.EARLIEST),
                Params.instant("to", to, Params.LATEST), Params.limit(limit, 10_000, 100_000));
        if (points.isEmpty()) {
            known(modelId); // an empty series of a known model is [], of an unknown one 404
        }
        return Response.ok(SeriesJson.write(points), MediaType.APPLICATION_JSON)
                .header("X-Metric-Path", path.canonical()).build();
    }

    private void known(String modelId) {
        if (!history.modelExists(Params.modelId(modelId))) {
            throw ApiProblem.notFound("no results for model " + modelId + " have arrived");
        }
    }
}
