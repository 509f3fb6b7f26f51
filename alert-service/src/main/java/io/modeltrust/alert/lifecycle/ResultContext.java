package io.modeltrust.alert.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.rules.BatchKey;

/** The result being evaluated: whose it is, where its batch sits, and its JSON for explanations. */
public record ResultContext(String modelId, BatchKey key, String kind, int revision, JsonNode result) {

    public String batchId() {
        return key.batchId();
    }
}
