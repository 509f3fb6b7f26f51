package io.modeltrust.ingest.rest;

import io.modeltrust.security.ApiProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modeltrust.ingest.registry.ModelRegistry;
import io.modeltrust.ingest.registry.ModelSpecValidator;
import io.modeltrust.ingest.registry.RegisteredModel;
import io.modeltrust.ingest.rest.openapi.Bodies;
import io.modeltrust.ingest.rest.openapi.RegisteredModelSchema;
import io.modeltrust.model.Json;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.ingest.deletion.ControlOutbox;
import io.modeltrust.ingest.deletion.Deletion;
import io.modeltrust.ingest.deletion.Deletions;
import io.modeltrust.security.ApiCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The model registry (docs/api.md "Models"). */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models", description = "The model registry: docs/api.md (Models) and docs/model-spec.md")
public class ModelResource {

    private final ModelRegistry registry;
    private final Deletions deletions;
    private final ControlOutbox outbox;
    private final ApiCaller caller;

    public ModelResource(ModelRegistry registry, Deletions deletions, ControlOutbox outbox, ApiCaller caller) {
        this.registry = registry;
        this.deletions = deletions;
        this.outbox = outbox;
        this.caller = caller;
    }

    @PUT
    @Path("/{modelId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Register a model, or change a registered one",
            description = "A spec with problems is refused with one 400 listing every problem. A model with data "
                    + "accepts only changes that keep the meaning of that data (docs/model-spec.md); adding features is "
                    + "allowed. Classes that the first reference fixed stay when the new spec leaves them out.")
    @RequestBody(required = true, description = "The model spec (the body is read as JSON whatever its Content-Type)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelSpec.class),
                    examples = @ExampleObject(name = "credit", value = Bodies.SPEC_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created: the model as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegisteredModelSchema.class)))
    @APIResponse(responseCode = "200", description = "The model existed: updated (version + 1) or unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegisteredModelSchema.class)))
    @APIResponse(responseCode = "400", description = "A modelId that does not match " + ModelSpecValidator.MODEL_ID_PATTERN
            + ", a body that is no JSON, or a spec with problems (errors lists every one, row and column null)")
    @APIResponse(responseCode = "409", description = "The model has data and the change would give it another "
            + "meaning (errors lists each breaking change): register the changed model under a new id")
    public Response put(@Parameter(description = "The model id", schema = @Schema(type = SchemaType.STRING,
                                pattern = ModelSpecValidator.MODEL_ID_PATTERN)) @PathParam("modelId") String modelId,
                        String body) {
        ModelSpec spec;
        try {
            spec = body == null || body.isBlank() ? null : Json.MAPPER.readValue(body, ModelSpec.class);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "Malformed model spec", e.getOriginalMessage());
        }
        ModelRegistry.Saved saved = registry.put(modelId, spec);
        return Response.status(saved.created() ? 201 : 200).entity(view(saved.model())).build();
    }

    @GET
    @Path("/{modelId}")
    @Operation(summary = "A registered model")
    @APIResponse(responseCode = "200", description = "The spec as stored, with the registry's fields",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegisteredModelSchema.class)))
    @APIResponse(responseCode = "404", description = "No such model is registered")
    public Map<String, Object> get(@PathParam("modelId") String modelId) {
        return view(registry.require(modelId));
    }

    @DELETE
    @Path("/{modelId}")
    @Operation(summary = "Delete a model everywhere",
            description = "Removes the registry entry, references, batches, pending predictions, results, history, "
                    + "alerts and rules of the model in every service (docs/api.md \"Deleting\"). Afterwards GET of the "
                    + "model answers 404 and uploads to it 409; the id can be registered again after "
                    + "ingest.deleted-id-hold (10 minutes).")
    @APIResponse(responseCode = "202", description = AuditResource.ACCEPTED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deletion.class)))
    @APIResponse(responseCode = "404", description = "No such model is registered, nor was one deleted under this id")
    public Response delete(@PathParam("modelId") String modelId) {
        return Response.accepted(outbox.publishAccepted(deletions.deleteModel(modelId, caller.nameOr("anonymous"))))
                .build();
    }

    @GET
    @Operation(summary = "Every registered model, by model id")
    @APIResponse(responseCode = "200", description = "Every model, as GET of one answers it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RegisteredModelSchema.class)))
    public List<Map<String, Object>> list() {
        return registry.list().stream().map(ModelResource::view).toList();
    }

    /** The spec as registered, with the registry's own fields beside it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> view(RegisteredModel model) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("modelId", model.modelId());
        node.put("version", model.version());
        node.put("referenceVersion", model.referenceVersion());
        node.putAll(Json.MAPPER.convertValue(model.spec(), Map.class));
        node.put("createdAt", model.createdAt().toString());
        node.put("updatedAt", model.updatedAt().toString());
        return node;
    }
}
