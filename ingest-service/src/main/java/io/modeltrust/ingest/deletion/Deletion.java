package io.modeltrust.ingest.deletion;

import io.modeltrust.model.event.ControlEvent;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One accepted deletion, as the audit log and the DELETE answers show it. */
@Schema(name = "Deletion", description = "One accepted deletion: an entry of the audit log")
public record Deletion(
        @Schema(description = "Also the eventId of the control event on monitoring.control") String eventId,
        @Schema(description = "model_deleted or batch_deleted", enumeration = {"model_deleted", "batch_deleted"})
        String kind,
        @Schema(description = "The model deleted, or whose batch was deleted") String modelId,
        @Schema(description = "The batch deleted; null for a model", nullable = true) String batchId,
        @Schema(description = "Who deleted it: the API key's name, or anonymous when keys are off") String actor,
        @Schema(description = "When ingest accepted the deletion") Instant at,
        @Schema(description = "When Kafka acknowledged the control event; null while it is still being published",
                nullable = true) Instant publishedAt) {

    public ControlEvent event() {
        return kind.equals(ControlEvent.Kind.MODEL_DELETED.wire())
                ? ControlEvent.modelDeleted(eventId, modelId, actor, at)
                : ControlEvent.batchDeleted(eventId, modelId, batchId, actor, at);
    }
}
