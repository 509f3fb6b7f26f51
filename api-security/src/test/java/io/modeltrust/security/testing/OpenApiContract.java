package io.modeltrust.security.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's OpenAPI document (/q/openapi?format=json) checked two ways: by its shape (every /api operation
 * documents a 4xx, every answer with a body has a real schema, every error is problem+json), and against
 * real answers the service gave ({@link #observe}): the status must be documented for the operation, and
 * the body's fields must be properties of the documented schema. An operation is named by its method and its
 * path template as the document has it, e.g. {@code PUT /api/v1/models/{modelId}}.
 */
public final class OpenApiContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode doc;
    private final Map<String, JsonNode> operations = new LinkedHashMap<>();
    private final Map<String, Set<Integer>> observed = new LinkedHashMap<>();

    private OpenApiContract(JsonNode doc) {
        this.doc = doc;
        JsonNode paths = doc.path("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            for (Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
                String method = m.next();
                if (METHODS.contains(method)) {
                    operations.put(method.toUpperCase(Locale.ROOT) + " " + path, paths.get(path).get(method));
                }
            }
        }
    }

    public static OpenApiContract parse(String json) {
        try {
            return new OpenApiContract(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return doc;
    }

    /** Every operation, as "METHOD /path/template". */
    public Set<String> operations() {
        return operations.keySet();
    }

    /** The documented status codes of an operation. */
    public Set<Integer> statuses(String operation) {
        Set<Integer> codes = new TreeSet<>();
        for (Iterator<String> it = operation(operation).path("responses").fieldNames(); it.hasNext(); ) {
            String code = it.next();
            if (code.chars().allMatch(Character::isDigit)) {
                codes.add(Integer.parseInt(code));
            }
        }
        return codes;
    }

    /** A component schema by name, or a missing node. */
    public JsonNode schema(String name) {
        return doc.path("components").path("schemas").path(name);
    }

    /** What is wrong with the document's shape; empty when nothing is. */
    public List<String> shapeProblems() {
        List<String> problems = new ArrayList<>();
        checkRefs(doc, problems);
        operations.forEach((name, op) -> {
            if (!name.contains(" /api/")) {
                return;
            }
            Set<Integer> codes = statuses(name);
            if (codes.stream().noneMatch(c -> c >= 400 && c < 500)) {
                problems.add(name + " documents no 4xx answer");
            }
            if (codes.stream().noneMatch(c -> c >= 200 && c < 300)) {
                problems.add(name + " documents no 2xx answer");
            }
            for (int code : codes) {
                JsonNode response = op.path("responses").path(String.valueOf(code));
                checkResponse(name, code, response, problems);
            }
            JsonNode body = op.path("requestBody");
            if (!body.isMissingNode()) {
                JsonNode content = body.path("content");
                if (content.isEmpty()) {
                    problems.add(name + " has a request body without content");
                }
                content.fields().forEachRemaining(media -> {
                    String where = name + " request body " + media.getKey();
                    if (media.getKey().contains("*")) {
                        problems.add(where + ": a wildcard media type says nothing about the body");
                    }
                    if (untyped(media.getKey(), media.getValue().path("schema"))) {
                        problems.add(where + " has no schema beyond a plain string");
                    }
                });
            }
        });
        return problems;
    }

    private void checkResponse(String name, int code, JsonNode response, List<String> problems) {
        String where = name + " " + code;
        if (response.path("description").asText("").isBlank()) {
            problems.add(where + " has no description");
        }
        if (code == 204 || code == 304 || code < 200) {
            return;
        }
        JsonNode content = response.path("content");
        if (content.isEmpty()) {
            problems.add(where + " has a body but documents no content");
            return;
        }
        content.fields().forEachRemaining(media -> {
            if (media.getKey().contains("*")) {
                problems.add(where + " " + media.getKey() + ": a wildcard media type says nothing about the body");
            }
            if (untyped(media.getKey(), media.getValue().path("schema"))) {
                problems.add(where + " " + media.getKey() + " has no schema beyond a plain string");
            }
        });
        if (code >= 400) {
            JsonNode problem = content.path("application/problem+json").path("schema").path("$ref");
            if (!problem.asText().equals("#/components/schemas/Problem")) {
                problems.add(where + " is not documented as an application/problem+json Problem");
            }
        }
        if (code == 503 && response.path("headers").path("Retry-After").isMissingNode()) {
            problems.add(where + " does not document Retry-After");
        }
    }

    /**
     * A JSON body whose schema says nothing: none, {}, or a bare string (what the scanner makes of a
     * resource method that returns a String). A binary string is a stream of the media type and fine.
     */
    private boolean untyped(String mediaType, JsonNode schema) {
        if (schema.isMissingNode() || schema.isEmpty()) {
            return true;
        }
        boolean json = mediaType.contains("json") || mediaType.contains("*");
        return json && !"binary".equals(schema.path("format").asText()) && types(schema).equals(Set.of("string"))
                && !schema.has("$ref");
    }

    static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private void checkRefs(JsonNode node, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && resolve(ref.asText()).isMissingNode()) {
                problems.add("unresolved $ref " + ref.asText());
            }
            node.elements().forEachRemaining(child -> checkRefs(child, problems));
        } else if (node.isArray()) {
            node.forEach(child -> checkRefs(child, problems));
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            return MAPPER.missingNode();
        }
        JsonNode at = doc;
        for (String part : ref.substring(2).split("/")) {
            at = at.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return at;
    }

    /**
     * A real answer of an operation: fails unless its status is documented for it, its media type is
     * documented for that status, and a JSON body is what the documented schema describes ({@link SchemaCheck}).
     */
    public void observe(String operation, int status, String contentType, String body) {
        observed.computeIfAbsent(operation, k -> new TreeSet<>()).add(status);
        JsonNode response = operation(operation).path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            throw new AssertionError(operation + " answered " + status + ", which its OpenAPI does not document "
                    + "(documented: " + statuses(operation) + ")");
        }
        if (body == null || body.isBlank()) {
            return;
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode content = response.path("content").path(media);
        if (content.isMissingNode()) {
            throw new AssertionError(operation + " " + status + " answered " + media + ", documented are "
                    + fieldNames(response.path("content")));
        }
        if (!media.contains("json")) {
            return;
        }
        JsonNode value;
        try {
            value = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(operation + " " + status + " answered " + media + " that is no JSON: " + body, e);
        }
        new SchemaCheck(this::resolve).check(operation + " " + status, content.path("schema"), value);
    }

    /** Fails unless the JSON is what the named component schema documents, deeply (see {@link SchemaCheck}). */
    public void conforms(String schemaName, String json) {
        if (schema(schemaName).isMissingNode()) {
            throw new AssertionError("the OpenAPI document has no schema " + schemaName);
        }
        try {
            new SchemaCheck(this::resolve).check(schemaName, schema(schemaName), MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Operations that no {@link #observe} call named. */
    public Set<String> unobserved() {
        Set<String> missing = new TreeSet<>(operations.keySet());
        missing.removeAll(observed.keySet());
        missing.removeIf(op -> !op.contains(" /api/"));
        return missing;
    }

    /** What was observed per operation, for a failure message or a log. */
    public Map<String, Set<Integer>> observed() {
        return observed;
    }

    private JsonNode operation(String operation) {
        JsonNode op = operations.get(operation);
        if (op == null) {
            throw new AssertionError("the OpenAPI document has no operation " + operation + "; it has "
                    + operations.keySet());
        }
        return op;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
