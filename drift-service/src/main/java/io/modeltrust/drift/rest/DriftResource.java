package io.modeltrust.drift.rest;

import io.modeltrust.drift.profile.ResultStore;
import io.modeltrust.model.event.DriftResult;
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
 * Drift and data-quality results as this service published them. The stored JSON is answered as it is, so the
 * OpenAPI names its schema (shared-model's DriftResult) instead of the String the methods return.
 */
@Path("/api/v1/models/{modelId}/drift")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "drift", description = "Drift and data-quality results: docs/api.md (drift) and docs/metrics.md")
public class DriftResource {

    private final ResultStore results;

    public DriftResource(ResultStore results) {
        this.results = results;
    }

    @GET
    @Path("/{batchId}")
    @Operation(summary = "The drift result of a production batch")
    @APIResponse(responseCode = "200", description = "The result as published on monitoring.results (docs/api.md, drift)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DriftResult.class)))
    @APIResponse(responseCode = "404", description = "No drift result for this batch (unknown, not a production "
            + "batch, not computed yet, or past the results retention)")
    public String get(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId) {
        return results.find(modelId, batchId)
                .orElseThrow(() -> new NotFoundException("no drift result for batch " + batchId + " of model " + modelId));
    }

    @GET
    @Operation(summary = "The model's latest drift results, newest first")
    @APIResponse(responseCode = "200", description = ReadApiTexts.LIST_OK,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DriftResult.class)))
    @APIResponse(responseCode = "404", description = ReadApiTexts.NOT_AN_INTEGER)
    public String latest(@PathParam("modelId") String modelId,
                         @Parameter(description = ReadApiTexts.LIMIT) @QueryParam("limit") @DefaultValue("20") int limit) {
        return "[" + String.join(",", results.latest(modelId, Math.max(1, Math.min(limit, 500)))) + "]";
    }
}
