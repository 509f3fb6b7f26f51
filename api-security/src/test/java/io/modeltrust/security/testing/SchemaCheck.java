package io.modeltrust.security.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks a JSON value against an OpenAPI schema, deeply: every field of an object is a documented property (unless
 * the schema allows others) and every required one is there, array elements and map values are checked against
 * their item schemas, and a number, string or boolean is where the schema says. Enough to catch a document that
 * names a field differently from what the service writes, or leaves one out; no full JSON Schema validator.
 */
final class SchemaCheck {

    private final Function<String, JsonNode> resolve;

    SchemaCheck(Function<String, JsonNode> resolve) {
        this.resolve = resolve;
    }

    void check(String where, JsonNode documented, JsonNode value) {
        JsonNode schema = deref(documented);
        if (value == null || value.isNull() || schema.isMissingNode() || schema.isEmpty()) {
            return;
        }
        Set<String> types = OpenApiContract.types(schema);
        if (value.isArray()) {
            require(where, types.isEmpty() || types.contains("array"), "an array", schema);
            int i = 0;
            for (JsonNode element : value) {
                check(where + "[" + i++ + "]", schema.path("items"), element);
            }
        } else if (value.isObject()) {
            require(where, types.isEmpty() || types.contains("object"), "an object", schema);
            checkObject(where, schema, value);
        } else if (value.isNumber()) {
            require(where, types.isEmpty() || types.contains("number") || types.contains("integer"), "a number", schema);
            require(where, !types.equals(Set.of("integer")) || value.canConvertToExactIntegral(), "a fraction", schema);
        } else if (value.isTextual()) {
            require(where, types.isEmpty() || types.contains("string"), "a string", schema);
        } else if (value.isBoolean()) {
            require(where, types.isEmpty() || types.contains("boolean"), "a boolean", schema);
        }
    }

    private void checkObject(String where, JsonNode schema, JsonNode value) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        JsonNode[] additional = new JsonNode[1];
        collect(schema, properties, required, additional);
        Set<String> undocumented = new TreeSet<>();
        value.fields().forEachRemaining(field -> {
            JsonNode property = properties.get(field.getKey());
            if (property != null) {
                check(where + "." + field.getKey(), property, field.getValue());
            } else if (additional[0] != null) {
                check(where + "." + field.getKey(), additional[0], field.getValue());
            } else {
                undocumented.add(field.getKey());
            }
        });
        if (!undocumented.isEmpty()) {
            throw new AssertionError(where + " answered fields its schema does not document: " + undocumented
                    + " (documented: " + properties.keySet() + ")");
        }
        Set<String> absent = new TreeSet<>();
        for (String r : required) {
            if (!value.has(r)) {
                absent.add(r);
            }
        }
        if (!absent.isEmpty()) {
            throw new AssertionError(where + " lacks required fields " + absent + ": " + value);
        }
    }

    /** The properties of a schema and of its allOf parts, and the schema of any other property (null: none allowed). */
    private void collect(JsonNode documented, Map<String, JsonNode> properties, Set<String> required,
                         JsonNode[] additional) {
        JsonNode schema = deref(documented);
        schema.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
        schema.path("required").forEach(r -> required.add(r.asText()));
        JsonNode more = schema.path("additionalProperties");
        if (more.isObject()) {
            additional[0] = more;
        } else if (more.asBoolean(false)) {
            additional[0] = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        for (JsonNode part : schema.path("allOf")) {
            collect(part, properties, required, additional);
        }
    }

    private JsonNode deref(JsonNode schema) {
        for (int i = 0; i < 16 && schema.has("$ref"); i++) {
            schema = resolve.apply(schema.get("$ref").asText());
        }
        return schema;
    }

    private static void require(String where, boolean ok, String what, JsonNode schema) {
        if (!ok) {
            throw new AssertionError(where + " is " + what + ", documented is " + schema);
        }
    }
}
