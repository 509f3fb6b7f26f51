package io.modeltrust.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modeltrust.ingest.registry.ModelRegistry;
import io.modeltrust.ingest.registry.RegisteredModel;
import io.modeltrust.model.Json;
import io.modeltrust.model.spec.ModelSpec;
import jakarta.ws.rs.Consumes;
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

/** The model registry (docs/api.md "Models"). */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelRegistry registry;

    public ModelResource(ModelRegistry registry) {
        this.registry = registry;
    }

    @PUT
    @Path("/{modelId}")
    @Consumes(MediaType.WILDCARD)
    public Response put(@PathParam("modelId") String modelId, String body) {
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
    public Map<String, Object> get(@PathParam("modelId") String modelId) {
        return view(registry.require(modelId));
    }

    @GET
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
