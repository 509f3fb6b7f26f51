package io.modeltrust.ingest.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the producer gets back for an accepted upload (docs/api.md "Data"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Receipt",
        description = "An accepted upload. A repeat of an Idempotency-Key returns the first upload's receipt")
public record BatchReceipt(
        @Schema(required = true) String modelId,
        @Schema(description = "The upload's id; the results of a production batch carry it", required = true)
        String batchId,
        @Schema(required = true, enumeration = {"reference", "production", "labels"}) String kind,
        @Schema(description = "Data rows accepted", required = true) long rows,
        @Schema(description = "A reference upload: the version it became. Otherwise the reference the batch is "
                + "measured against", required = true) int referenceVersion,
        @Schema(required = true) Instant receivedAt,
        @Schema(description = "The batch's time: ?at= of a production batch, else receivedAt", required = true) Instant at,
        @Schema(description = "Labels only: how many ids were found among the model's production ids") Long matched) {
}
