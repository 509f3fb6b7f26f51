package io.modeltrust.alert.rest;

import io.modeltrust.security.ApiProblem;

import io.modeltrust.alert.lifecycle.AlertQueries;
import io.modeltrust.alert.lifecycle.AlertService;
import io.modeltrust.alert.lifecycle.AlertView;
import io.modeltrust.security.ApiCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alerts with filters and paging, their audit trail, and the human transitions. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts")
public class AlertResource {

    /** Optional body of acknowledge/resolve: who (else the X-User header, else the API key's name, else "api") and why. */
    public record Action(String by, String reason) {
    }

    @Inject
    AlertQueries queries;
    @Inject
    AlertService service;
    @Inject
    ApiCaller caller;

    @GET
    @APIResponse(responseCode = "200", description = "Alerts, newest first")
    @APIResponse(responseCode = "400", description = "A query parameter that is out of range or not one of its values, or a modelId that is no model id")
    @Operation(summary = "Alerts newest first; from/to bound when they opened; paged by limit/offset")
    public List<AlertView> list(@QueryParam("modelId") String modelId, @QueryParam("status") String status,
                                @QueryParam("severity") String severity, @QueryParam("kind") String kind,
                                @QueryParam("rule") String rule, @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
        return queries.list(new AlertQueries.Filter(modelId == null ? null : Params.modelId(modelId),
                Params.oneOf("status", status, "open", "acknowledged", "resolved"),
                Params.oneOf("severity", severity, "info", "warning", "critical"),
                Params.oneOf("kind", kind, "drift", "performance", "fairness", "data_quality", "retraining"), rule,
                Params.instant("from", from, null), Params.instant("to", to, null), Params.limit(limit, 100, 1000),
                Params.offset(offset)));
    }

    @GET
    @Path("{alertId}")
    @APIResponse(responseCode = "200", description = "The alert, its audit trail and occurrences")
    @APIResponse(responseCode = "404", description = "No such alert")
    @Operation(summary = "An alert with its audit trail (every status change, who and why) and the batches it breached in")
    public AlertView.Detail get(@PathParam("alertId") String alertId) {
        return queries.detail(id(alertId));
    }

    @POST
    @Path("{alertId}/acknowledge")
    @APIResponse(responseCode = "200", description = "The alert, acknowledged")
    @APIResponse(responseCode = "400", description = "The body is no JSON object {by, reason}")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "The alert is resolved, or another request changed it at the same time (retry)")
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json (a request without a body must still say application/json)")
    @Operation(summary = "Acknowledge an open alert (idempotent); 409 when it is resolved")
    public AlertView acknowledge(@PathParam("alertId") String alertId, Action action, @HeaderParam("X-User") String user) {
        return queries.view(service.acknowledge(id(alertId), actor(action, user), action == null ? null : action.reason()));
    }

    @POST
    @Path("{alertId}/resolve")
    @APIResponse(responseCode = "200", description = "The alert, resolved")
    @APIResponse(responseCode = "400", description = "The body is no JSON object {by, reason}")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "The alert is already resolved, or another request changed it at the same time (retry)")
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json (a request without a body must still say application/json)")
    @Operation(summary = "Resolve an open or acknowledged alert; 409 when it already is resolved")
    public AlertView resolve(@PathParam("alertId") String alertId, Action action, @HeaderParam("X-User") String user) {
        return queries.view(service.resolve(id(alertId), actor(action, user), action == null ? null : action.reason()));
    }

    private String actor(Action action, String user) {
        if (action != null && action.by() != null && !action.by().isBlank()) {
            return action.by();
        }
        return user == null || user.isBlank() ? caller.nameOr("api") : user;
    }

    static String id(String alertId) {
        try {
            return UUID.fromString(alertId).toString();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no alert " + alertId);
        }
    }
}
