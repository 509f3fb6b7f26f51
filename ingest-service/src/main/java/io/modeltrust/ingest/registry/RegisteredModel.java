package io.modeltrust.ingest.registry;

import io.modeltrust.model.spec.ModelSpec;
import java.time.Instant;

/** A model as the registry knows it; {@code referenceVersion} 0 means no reference uploaded yet. */
public record RegisteredModel(String modelId, int version, int referenceVersion, ModelSpec spec,
                              Instant createdAt, Instant updatedAt) {
}
