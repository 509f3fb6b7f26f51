package io.modeltrust.performance.rest;

import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.performance.pending.LabelBatchEntity;
import io.modeltrust.performance.pending.PendingStore;
import io.modeltrust.performance.profile.BaselineStore;
import io.modeltrust.performance.profile.ReferenceBaseline;
import io.modeltrust.performance.profile.ResultStore;
import io.modeltrust.service.rest.ReadApiTexts;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Performance results as this service published them, the baselines, and what waits for labels. Stored JSON is
 * answered as it is, so the OpenAPI names its schema instead of the String the methods return.
 */
@Path("/api/v1/models/{modelId}/performance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "performance", description = "Performance results: docs/api.md (performance) and docs/metrics.md")
public class PerformanceResource {

    private static final String NO_RESULT = "No performance result (or no such revision) for this batch: unknown, "
            + "not a production batch, not computed yet, or past the results retention";

    private final ResultStore results;
    private final BaselineStore baselines;
    private final PendingStore pending;

    public PerformanceResource(ResultStore results, BaselineStore baselines, PendingStore pending) {
        this.results = results;
        this.baselines = baselines;
        this.pending = pending;
    }

    /** The latest revision of a batch's result, or the given one. */
    @GET
    @Path("/{batchId}")
    @Operation(summary = "The performance result of a production batch: its latest revision, or the one asked for")
    @APIResponse(responseCode = "200", description = "The result as published on monitoring.results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PerformanceResult.class)))
    @APIResponse(responseCode = "404", description = NO_RESULT + ". Also: " + ReadApiTexts.NOT_AN_INTEGER)
    public String get(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId,
                      @Parameter(description = ReadApiTexts.REVISION) @QueryParam("revision") Integer revision) {
        var found = revision == null ? results.find(modelId, batchId) : results.find(modelId, batchId, revision);
        return found.orElseThrow(() -> new NotFoundException("no performance result" + (revision == null ? "" : " revision "
                + revision) + " for batch " + batchId + " of model " + modelId));
    }

    /** Every revision of a batch's result, oldest first. */
    @GET
    @Path("/{batchId}/revisions")
    @Operation(summary = "Every revision of a batch's performance result, oldest first")
    @APIResponse(responseCode = "200", description = "Revision 1, then one per labels batch that changed it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PerformanceResult.class)))
    @APIResponse(responseCode = "404", description = NO_RESULT)
    public String revisions(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId) {
        List<String> all = results.revisions(modelId, batchId);
        if (all.isEmpty()) {
            throw new NotFoundException("no performance result for batch " + batchId + " of model " + modelId);
        }
        return "[" + String.join(",", all) + "]";
    }

    /** Most recently computed results, any revision, newest first. */
    @GET
    @Operation(summary = "The model's most recently computed performance results, any revision")
    @APIResponse(responseCode = "200", description = ReadApiTexts.LIST_OK,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PerformanceResult.class)))
    @APIResponse(responseCode = "404", description = ReadApiTexts.NOT_AN_INTEGER)
    public String latest(@PathParam("modelId") String modelId,
                         @Parameter(description = ReadApiTexts.LIMIT) @QueryParam("limit") @DefaultValue("20") int limit) {
        return "[" + String.join(",", results.latest(modelId, Math.max(1, Math.min(limit, 500)))) + "]";
    }

    /** The baseline of a reference version, or of the latest one. */
    @GET
    @Path("/baseline")
    @Operation(summary = "The baseline of a reference version, or of the latest one",
            description = "What batches are compared with: the realised metrics of the labelled reference rows, the "
                    + "slices, and the calibration behind the estimate")
    @APIResponse(responseCode = "200", description = "The baseline as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceBaseline.class)))
    @APIResponse(responseCode = "404", description = "No baseline for the model (or that reference version). Also: "
            + ReadApiTexts.NOT_AN_INTEGER)
    public String baseline(@PathParam("modelId") String modelId,
                           @Parameter(description = "The reference version; default: the latest")
                           @QueryParam("referenceVersion") Integer version) {
        var found = version == null ? baselines.latestJson(modelId) : baselines.json(modelId, version);
        return found.orElseThrow(() -> new NotFoundException("no baseline for model " + modelId));
    }

    /**
     * Batches whose predictions are kept for delayed or corrected labels (fully labelled ones too, until
     * the prediction retention ends; labeledRows tells them apart), with the bytes they take in PostgreSQL.
     */
    @GET
    @Path("/pending")
    @Operation(summary = "Batches whose predictions are kept for delayed or corrected labels",
            description = "Fully labelled ones too, until the prediction retention ends (labeledRows tells them "
                    + "apart), with the bytes each takes in PostgreSQL")
    @APIResponse(responseCode = "200", description = "Oldest first; empty for a model without any",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PendingStore.Summary.class)))
    public List<PendingStore.Summary> pending(@PathParam("modelId") String modelId) {
        return pending.summaries(modelId);
    }

    /** What a processed labels batch matched. */
    @GET
    @Path("/labels/{labelsBatchId}")
    @Operation(summary = "What a processed labels batch matched")
    @APIResponse(responseCode = "200", description = "The labels batch",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LabelsBatchSchema.class)))
    @APIResponse(responseCode = "404", description = "This service has not processed such a labels batch")
    public Map<String, Object> labels(@PathParam("modelId") String modelId,
                                      @PathParam("labelsBatchId") String labelsBatchId) {
        LabelBatchEntity e = pending.labelsBatch(modelId, labelsBatchId).orElseThrow(() ->
                new NotFoundException("labels batch " + labelsBatchId + " of model " + modelId + " was not processed"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("modelId", e.modelId);
        out.put("batchId", e.batchId);
        out.put("rows", e.rows);
        out.put("matched", e.matched);
        out.put("unmatched", e.unmatched);
        out.put("affectedBatches", e.affectedBatches);
        out.put("receivedAt", e.receivedAt);
        out.put("processedAt", e.processedAt);
        return out;
    }
}
