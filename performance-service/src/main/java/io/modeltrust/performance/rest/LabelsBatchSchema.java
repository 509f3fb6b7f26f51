package io.modeltrust.performance.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documents what {@code GET .../performance/labels/{labelsBatchId}} answers (PerformanceResource.labels builds it).
 * The OpenAPI test compares it with the entity the answer is made of.
 */
@Schema(name = "LabelsBatch", description = "A labels batch as this service processed it")
public record LabelsBatchSchema(
        @Schema(required = true) String modelId,
        @Schema(description = "The labels batch's id (ingest's receipt)", required = true) String batchId,
        @Schema(required = true) long rows,
        @Schema(description = "Labels whose id matched a stored prediction", required = true) long matched,
        @Schema(description = "Labels whose id matched none", required = true) long unmatched,
        @Schema(description = "Production batches that gained or changed labels, and so a revision", required = true)
        int affectedBatches,
        @Schema(required = true) Instant receivedAt,
        @Schema(required = true) Instant processedAt) {
}
