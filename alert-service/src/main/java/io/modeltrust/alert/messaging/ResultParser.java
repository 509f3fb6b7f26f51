package io.modeltrust.alert.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.history.ResultEvent;
import io.modeltrust.model.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the identifying fields of a result event from its JSON tree. Only what identifies and orders
 * a result is required; everything else is read later, leniently, by path.
 */
public final class ResultParser {

    private static final Set<String> KINDS = Set.of("drift", "performance", "fairness");
    private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final int MAX_ID = 200;

    private ResultParser() {
    }

    public static ResultEvent parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new PoisonResultException("empty record");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PoisonResultException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PoisonResultException("not JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new PoisonResultException("not a JSON object");
        }
        String kind = required(tree, "kind");
        if (!KINDS.contains(kind)) {
            throw new PoisonResultException("unknown kind '" + kind + "'; expected drift, performance or fairness");
        }
        String modelId = required(tree, "modelId");
        if (!MODEL_ID.matcher(modelId).matches()) {
            throw new PoisonResultException("modelId '" + modelId + "' does not match " + MODEL_ID.pattern());
        }
        String batchId = required(tree, "batchId");
        int revision = tree.path("revision").canConvertToInt() ? tree.path("revision").asInt() : 1;
        if (revision < 1) {
            throw new PoisonResultException("revision must be at least 1");
        }
        Instant computedAt = instant(tree, "computedAt");
        Instant at = instant(tree, "at");
        if (at == null) {
            at = computedAt;
        }
        if (at == null) {
            throw new PoisonResultException("missing at (the batch time) and computedAt");
        }
        String eventId = tree.path("eventId").isTextual() ? tree.path("eventId").asText()
                : modelId + ":" + batchId + ":" + kind + ":" + revision;
        if (eventId.length() > MAX_ID || batchId.length() > MAX_ID) {
            throw new PoisonResultException("eventId or batchId longer than " + MAX_ID + " characters");
        }
        return new ResultEvent(eventId, modelId, batchId, kind, revision, at, computedAt, tree, payload);
    }

    private static String required(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new PoisonResultException("missing " + field);
        }
        return n.asText();
    }

    private static Instant instant(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            // Jackson's default for Instant without WRITE_DATES_AS_TIMESTAMPS disabled: epoch seconds with fraction.
            return Instant.ofEpochMilli(Math.round(n.asDouble() * 1000));
        }
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new PoisonResultException(field + " '" + n.asText() + "' is not an ISO-8601 instant");
        }
    }
}
