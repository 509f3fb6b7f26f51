package io.modeltrust.alert.rest;

import io.modeltrust.security.ApiProblem;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.lifecycle.AlertService;
import io.modeltrust.alert.lifecycle.RuleSets;
import io.modeltrust.alert.rules.RuleDefinition;
import io.modeltrust.alert.rules.RuleLanguage;
import io.modeltrust.alert.rules.RuleValidator;
import io.modeltrust.model.Json;
import io.modeltrust.security.ApiCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A model's alert rules. A model without stored rules shows (and on its first result gets) the defaults. */
@Path("/api/v1/models/{modelId}/alert-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alert rules", description = RuleLanguage.SUMMARY)
public class AlertRuleResource {

    private static final TypeReference<List<RuleDefinition>> LIST = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;
    @Inject
    RuleSets ruleSets;
    @Inject
    AlertService service;
    @Inject
    ApiCaller caller;

    @GET
    @APIResponse(responseCode = "200", description = "The stored rules, or the defaults (source default) before the model's first result")
    @APIResponse(responseCode = "400", description = "The modelId is no model id")
    @Operation(summary = "The model's rules", description = RuleLanguage.SUMMARY)
    public RuleSets.RuleSet get(@PathParam("modelId") String modelId) {
        Params.modelId(modelId);
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return ruleSets.get(c, modelId);
            }
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The new rule set")
    @APIResponse(responseCode = "400", description = "No array of rules, or rules with problems: one errors entry per field (row is the rule's position)")
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json")
    @Operation(summary = "Replace the model's rules (a JSON array, or {\"rules\": [...]}); 400 names every invalid field",
            description = RuleLanguage.SUMMARY)
    public RuleSets.RuleSet put(@PathParam("modelId") String modelId, JsonNode body,
                                @HeaderParam("X-User") String user) {
        Params.modelId(modelId);
        JsonNode list = body != null && body.isObject() ? body.get("rules") : body;
        if (list == null || !list.isArray()) {
            throw ApiProblem.badRequest("the body must be a JSON array of rules or an object with a \"rules\" array");
        }
        List<RuleDefinition> definitions;
        try {
            definitions = Json.MAPPER.convertValue(list, LIST);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("a rule could not be read: " + e.getMessage());
        }
        RuleValidator.Result result = RuleValidator.validate(definitions);
        if (!result.ok()) {
            throw new ApiProblem(400, "Invalid alert rules", result.errors().size() + " problem(s) in the rules",
                    result.errors().stream().map(e -> new ApiProblem.FieldError(e.index() < 0 ? null : (long) e.index() + 1,
                            e.field(), e.message())).toList());
        }
        return service.putRules(modelId, result.rules(), user == null || user.isBlank() ? caller.nameOr("api") : user);
    }
}
