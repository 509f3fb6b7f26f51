package io.modeltrust.ingest.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** What the producer gets back for an accepted upload (docs/api.md "Data"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchReceipt(String modelId, String batchId, String kind, long rows, int referenceVersion,
                           Instant receivedAt, Instant at, Long matched) {
}
