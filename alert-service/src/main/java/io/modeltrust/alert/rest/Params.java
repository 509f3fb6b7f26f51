package io.modeltrust.alert.rest;

import io.modeltrust.security.ApiProblem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Query-parameter parsing shared by the resources, failing with 400 problem+json. */
final class Params {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private Params() {
    }

    static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name + " '" + value + "' is not an ISO-8601 instant such as 2026-11-21T10:00:00Z");
        }
    }

    static int limit(Integer value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > max) {
            throw ApiProblem.badRequest("limit must be between 1 and " + max);
        }
        return value;
    }

    static int offset(Integer value) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw ApiProblem.badRequest("offset must not be negative");
        }
        return value;
    }

    static String modelId(String modelId) {
        if (modelId == null || !MODEL_ID.matcher(modelId).matches()) {
            throw ApiProblem.badRequest("modelId must match " + MODEL_ID.pattern());
        }
        return modelId;
    }

    static String oneOf(String name, String value, String... allowed) {
        if (value == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw ApiProblem.badRequest(name + " must be one of " + String.join(", ", allowed));
    }
}
