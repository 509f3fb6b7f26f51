package io.modeltrust.ingest.rest.openapi;

import io.modeltrust.model.spec.ModelSpec;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documents what {@code GET /api/v1/models/{modelId}} answers: the spec as stored beside the registry's own
 * fields (ModelResource.view builds it as one flat object). The OpenAPI test compares real answers with it.
 */
@Schema(name = "RegisteredModel", description = "The spec as stored (classes fixed by the first reference included), "
        + "with the registry's fields", allOf = {ModelSpec.class, RegisteredModelSchema.Registry.class})
public final class RegisteredModelSchema {

    private RegisteredModelSchema() {
    }

    @Schema(name = "ModelRegistration")
    public record Registry(
            @Schema(description = "The model id of the path", required = true) String modelId,
            @Schema(description = "Goes up by one with each accepted change", required = true) int version,
            @Schema(description = "The current reference; 0 before the first reference upload", required = true)
            int referenceVersion,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {
    }
}
