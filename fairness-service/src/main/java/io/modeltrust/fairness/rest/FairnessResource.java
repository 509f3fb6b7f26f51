package io.modeltrust.fairness.rest;

import io.modeltrust.fairness.store.BaselineStore;
import io.modeltrust.fairness.store.ResultStore;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Fairness results as this service published them, and the baselines they compare with. */
@Path("/api/v1/models/{modelId}/fairness")
@Produces(MediaType.APPLICATION_JSON)
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
    public String get(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId,
                      @QueryParam("revision") Integer revision) {
        return results.find(modelId, batchId, revision).orElseThrow(() -> new NotFoundException("no fairness result"
                + (revision == null ? "" : " revision " + revision) + " for batch " + batchId + " of model " + modelId));
    }

    /** The latest revision of the most recent batches, newest first. */
    @GET
    public String latest(@PathParam("modelId") String modelId, @QueryParam("limit") @DefaultValue("20") int limit) {
        return "[" + String.join(",", results.latest(modelId, Math.max(1, Math.min(limit, 500)))) + "]";
    }

    /** The engine's figures on a reference version (the baseline of the batches that use it). */
    @GET
    @Path("/baselines/{referenceVersion}")
    public String baseline(@PathParam("modelId") String modelId, @PathParam("referenceVersion") int referenceVersion) {
        return baselines.json(modelId, referenceVersion).orElseThrow(() -> new NotFoundException(
                "no fairness baseline for reference version " + referenceVersion + " of model " + modelId));
    }
}
