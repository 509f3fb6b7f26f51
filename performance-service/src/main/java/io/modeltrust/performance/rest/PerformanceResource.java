package io.modeltrust.performance.rest;

import io.modeltrust.performance.pending.LabelBatchEntity;
import io.modeltrust.performance.pending.PendingStore;
import io.modeltrust.performance.profile.BaselineStore;
import io.modeltrust.performance.profile.ResultStore;
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

/** Performance results as this service published them, the baselines, and what waits for labels. */
@Path("/api/v1/models/{modelId}/performance")
@Produces(MediaType.APPLICATION_JSON)
public class PerformanceResource {

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
    public String get(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId,
                      @QueryParam("revision") Integer revision) {
        var found = revision == null ? results.find(modelId, batchId) : results.find(modelId, batchId, revision);
        return found.orElseThrow(() -> new NotFoundException("no performance result" + (revision == null ? "" : " revision "
                + revision) + " for batch " + batchId + " of model " + modelId));
    }

    /** Every revision of a batch's result, oldest first. */
    @GET
    @Path("/{batchId}/revisions")
    public String revisions(@PathParam("modelId") String modelId, @PathParam("batchId") String batchId) {
        List<String> all = results.revisions(modelId, batchId);
        if (all.isEmpty()) {
            throw new NotFoundException("no performance result for batch " + batchId + " of model " + modelId);
        }
        return "[" + String.join(",", all) + "]";
    }

    /** Most recently computed results, any revision, newest first. */
    @GET
    public String latest(@PathParam("modelId") String modelId, @QueryParam("limit") @DefaultValue("20") int limit) {
        return "[" + String.join(",", results.latest(modelId, Math.max(1, Math.min(limit, 500)))) + "]";
    }

    /** The baseline of a reference version, or of the latest one. */
    @GET
    @Path("/baseline")
    public String baseline(@PathParam("modelId") String modelId, @QueryParam("referenceVersion") Integer version) {
        var found = version == null ? baselines.latestJson(modelId) : baselines.json(modelId, version);
        return found.orElseThrow(() -> new NotFoundException("no baseline for model " + modelId));
    }

    /**
     * Batches whose predictions are kept for delayed or corrected labels (fully labelled ones too, until
     * the prediction retention ends; labeledRows tells them apart), with the bytes they take in PostgreSQL.
     */
    @GET
    @Path("/pending")
    public List<PendingStore.Summary> pending(@PathParam("modelId") String modelId) {
        return pending.summaries(modelId);
    }

    /** What a processed labels batch matched. */
    @GET
    @Path("/labels/{labelsBatchId}")
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
