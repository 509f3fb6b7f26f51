package io.modeltrust.alert.rest;

import io.modeltrust.security.ApiProblem;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.history.HistoryQueries;
import io.modeltrust.alert.incidents.Incident;
import io.modeltrust.alert.incidents.IncidentBuilder;
import io.modeltrust.alert.lifecycle.AlertQueries;
import io.modeltrust.alert.lifecycle.AlertView;
import io.modeltrust.model.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /api/v1/models/{modelId}/incidents: a model's alerts that overlap in batch time, with one explanation each. */
@Path("/api/v1/models/{modelId}/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "history")
public class IncidentResource {

    /** The most recent alerts and batches an answer is built from. */
    static final int MAX_ALERTS = 1000;
    static final int MAX_BATCHES = 10_000;

    private final HistoryQueries history;
    private final AlertQueries alerts;

    public IncidentResource(HistoryQueries history, AlertQueries alerts) {
        this.history = history;
        this.alerts = alerts;
    }

    @GET
    @APIResponse(responseCode = "200", description = "Incidents, newest first")
    @APIResponse(responseCode = "400", description = "A query parameter that is out of range or not one of its values, or a modelId that is no model id")
    @APIResponse(responseCode = "404", description = "No result of the model has arrived")
    @Operation(summary = "Incidents, newest first: alerts of the model (drift, performance, fairness, data quality) whose "
            + "batch spans overlap, each with one explanation linking them, read from the stored results")
    public List<Incident> incidents(@PathParam("modelId") String modelId, @QueryParam("status") String status,
                                    @QueryParam("limit") Integer limit) {
        String model = Params.modelId(modelId);
        if (!history.modelExists(model)) {
            throw ApiProblem.notFound("no results for model " + model + " have arrived");
        }
        String wanted = status == null ? null : Params.oneOf("status", status, "open", "resolved");
        int n = Params.limit(limit, 20, 200);
        List<AlertView> all = alerts.list(new AlertQueries.Filter(model, null, null, null, null, null, null, MAX_ALERTS, 0));
        List<HistoryQueries.BatchEntry> batches = history.batches(model, Params.EARLIEST, Params.LATEST, MAX_BATCHES, 0);
        Map<String, IncidentBuilder.BatchPlace> places = new HashMap<>();
        for (HistoryQueries.BatchEntry b : batches) {
            places.put(b.batchId(), new IncidentBuilder.BatchPlace(b.at(), (int) b.n()));
        }
        Map<String, HistoryQueries.StoredBatch> read = new HashMap<>();
        List<Incident> built = IncidentBuilder.build(model, all, places, (batchId, kind) -> {
            HistoryQueries.StoredBatch b = read.computeIfAbsent(batchId, id -> history.batch(model, id));
            String payload = b == null ? null : b.payloads().get(kind);
            return payload == null ? null : Json.fromString(payload, JsonNode.class);
        });
        return built.stream().filter(i -> wanted == null || wanted.equals(i.status())).limit(n).toList();
    }
}
