package io.modeltrust.fairness.rest;

import io.modeltrust.fairness.metrics.FairnessReport;
import io.modeltrust.fairness.store.BaselineStore;
import io.modeltrust.fairness.store.ResultStore;
import io.modeltrust.model.event.FairnessResult;
import io.modeltrust.service.rest.ReadApiTexts;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Fairness results as this service published them, and the baselines they compare with. Stored JSON is answered
 * as it is, so the OpenAPI names its schema instead of the String the methods return.
 */
@Path("/api/v1/models/{modelId}/fairness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "fairness", description = "Fairness results: docs/api.md (fairness) and docs/metrics.md")
public class FairnessResource {

    private final ResultStore results;
    private final BaselineStore baselines;

    public FairnessResource(ResultStore results, BaselineStore baselines) {
        this.results = results;
        this.baselines = baselines;
    }

    /** The batch's latest revision, or the one asked for with {@code ?revision=}. */
    @GET
    @Path("/{batchId}")
    @Operation(summary = "The fairness result of a production batch: its latest revision, or the one asked for")
    @APIResponse(responseCode = "200", description = "The result as published on monitoring.results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FairnessResult.class)))
    @APIResponse(responseCode = "404", description = "No fairness result (or no such revision) for this batch: "
            + "unknown, not a production batch, a model without sensitive attributes, not computed yet, or past the "
            + "results retention. Also: " + ReadApiTexts.NOT_AN_INTEGER)
    public String get(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId,
                      @Parameter(description = ReadApiTexts.REVISION) @QueryParam("revision") Integer revision) {
        return results.find(modelId, batchId, revision).orElseThrow(() -> new NotFoundException("no fairness result"
                + (revision == null ? "" : " revision " + revision) + " for batch " + batchId + " of model " + modelId));
    }

    /** The latest revision of the most recent batches, newest first. */
    @GET
    @Operation(summary = "The latest revision of the model's most recent fairness results")
    @APIResponse(responseCode = "200", description = ReadApiTexts.LIST_OK,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = FairnessResult.class)))
    @APIResponse(responseCode = "404", description = ReadApiTexts.NOT_AN_INTEGER)
    public String latest(@PathParam("modelId") String modelId,
                         @Parameter(description = ReadApiTexts.LIMIT) @QueryParam("limit") @DefaultValue("20") int limit) {
        return "[" + String.join(",", results.latest(modelId, Math.max(1, Math.min(limit, 500)))) + "]";
    }

    /** The engine's figures on a reference version (the baseline of the batches that use it). */
    @GET
    @Path("/baselines/{referenceVersion}")
    @Operation(summary = "The fairness figures of a reference version: the baseline of the batches that use it")
    @APIResponse(responseCode = "200", description = "The figures per sensitive attribute and intersection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FairnessReport.class)))
    @APIResponse(responseCode = "404", description = "No fairness baseline for this reference version. Also: "
            + ReadApiTexts.NOT_AN_INTEGER)
    public String baseline(@PathParam("modelId") String modelId, @PathParam("referenceVersion") int referenceVersion) {
        return baselines.json(modelId, referenceVersion).orElseThrow(() -> new NotFoundException(
                "no fairness baseline for reference version " + referenceVersion + " of model " + modelId));
    }
}
