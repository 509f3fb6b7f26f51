package io.modeltrust.ingest.rest.openapi;

import io.modeltrust.model.batch.ColumnSpec;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Documents what {@code GET /api/v1/models/{modelId}/batches/{batchId}} answers (DataResource.get builds it).
 * The OpenAPI test compares real answers with it.
 */
@Schema(name = "Upload", description = "One upload as ingest saw it")
public record UploadSchema(
        @Schema(required = true) String modelId,
        @Schema(required = true) String batchId,
        @Schema(required = true, enumeration = {"reference", "production", "labels"}) String kind,
        @Schema(required = true) long rows,
        @Schema(description = "Data chunks published on monitoring.batches", required = true) int chunks,
        @Schema(description = "The model version the upload was validated against", required = true) int modelVersion,
        @Schema(required = true) int referenceVersion,
        @Schema(description = "The batch's time: ?at= of a production batch, else when it was received", required = true)
        Instant at,
        @Schema(required = true) Instant receivedAt,
        @Schema(description = "Labels only: how many ids matched the model's production ids") Long matched,
        @Schema(description = "The columns as published, in chunk order", required = true) List<ColumnSpec> columns) {
}
