package io.modeltrust.drift.rest;

import io.modeltrust.drift.profile.ResultStore;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Drift and data-quality results as this service published them. */
@Path("/api/v1/models/{modelId}/drift")
@Produces(MediaType.APPLICATION_JSON)
public class DriftResource {

    private final ResultStore results;

    public DriftResource(ResultStore results) {
        this.results = results;
    }

    @GET
    @Path("/{batchId}")
    public String get(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId) {
        return results.find(modelId, batchId)
                .orElseThrow(() -> new NotFoundException("no drift result for batch " + batchId + " of model " + modelId));
    }

    @GET
    public String latest(@PathParam("modelId") String modelId, @QueryParam("limit") @DefaultValue("20") int limit) {
        return "[" + String.join(",", results.latest(modelId, Math.max(1, Math.min(limit, 500)))) + "]";
    }
}
