package io.modeltrust.model.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.modeltrust.model.Json;
import java.time.Instant;
import java.util.Objects;

/**
 * An instruction to every service on monitoring.control (docs/api.md "Control events"), keyed by
 * modelId. {@code at} is when ingest accepted the deletion: batches that ingest received before it
 * belong to what was deleted, batches received later (a model registered again under the same id) do not.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ControlEvent(
        int schemaVersion,
        String eventId,
        Kind kind,
        String modelId,
        String batchId,
        String actor,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;

    /** What the event asks for; on the wire {@code model_deleted} or {@code batch_deleted}. */
    public enum Kind {
        @JsonProperty("model_deleted") MODEL_DELETED,
        @JsonProperty("batch_deleted") BATCH_DELETED;

        public String wire() {
            return this == MODEL_DELETED ? "model_deleted" : "batch_deleted";
        }

        public static Kind fromWire(String text) {
            for (Kind k : values()) {
                if (k.wire().equals(text)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown control event kind " + text);
        }
    }

    public ControlEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(at, "at");
        if (kind == Kind.BATCH_DELETED && batchId == null) {
            throw new IllegalArgumentException("a batch_deleted event names its batchId");
        }
        if (kind == Kind.MODEL_DELETED && batchId != null) {
            throw new IllegalArgumentException("a model_deleted event has no batchId");
        }
    }

    public static ControlEvent modelDeleted(String eventId, String modelId, String actor, Instant at) {
        return new ControlEvent(SCHEMA_VERSION, eventId, Kind.MODEL_DELETED, modelId, null, actor, at);
    }

    public static ControlEvent batchDeleted(String eventId, String modelId, String batchId, String actor, Instant at) {
        return new ControlEvent(SCHEMA_VERSION, eventId, Kind.BATCH_DELETED, modelId, batchId, actor, at);
    }

    @JsonIgnore
    public boolean wholeModel() {
        return kind == Kind.MODEL_DELETED;
    }

    public String toJson() {
        return Json.toString(this);
    }

    /** The event, or an IllegalArgumentException naming what is wrong with the text. */
    public static ControlEvent fromJson(String json) {
        try {
            ControlEvent event = Json.MAPPER.readValue(json, ControlEvent.class);
            if (event == null) {
                throw new IllegalArgumentException("an empty control event");
            }
            return event;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("malformed control event: " + e.getOriginalMessage(), e);
        }
    }
}
