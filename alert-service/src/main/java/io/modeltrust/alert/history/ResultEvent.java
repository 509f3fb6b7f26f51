package io.modeltrust.alert.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.rules.BatchKey;
import java.time.Instant;

/**
 * A result event as consumed: its identifying fields read from the JSON tree, the tree itself for
 * evaluation and the exact text for storage.
 */
public record ResultEvent(String eventId, String modelId, String batchId, String kind, int revision, Instant at,
                          Instant computedAt, JsonNode tree, String payload) {

    public BatchKey batchKey() {
        return new BatchKey(at, batchId);
    }

    public ModelKind modelKind() {
        return new ModelKind(modelId, kind);
    }
}
