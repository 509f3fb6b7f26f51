package io.modeltrust.fairness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the golden fixtures and compares results with them at the docs/metrics.md tolerances. */
final class FixtureSupport {

    static final double REL_TOL = 1e-9;
    static final double P_REL_TOL = 1e-4;
    static final double P_FLOOR = 1e-10;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FixtureSupport() {
    }

    static JsonNode fixture(String name) {
        try (InputStream in = FixtureSupport.class.getResourceAsStream("/fixtures/" + name)) {
            return in == null ? null : MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    // ---- inputs ---------------------------------------------------------------------------

    static boolean[] booleans(JsonNode a) {
        boolean[] out = new boolean[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt() == 1;
        }
        return out;
    }

    static byte[] labels(JsonNode a) {
        if (a == null || a.isNull()) {
            return null;
        }
        byte[] out = new byte[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) a.get(i).asInt();
        }
        return out;
    }

    static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        }
        return out;
    }

    static CategoricalAttribute attribute(JsonNode a) {
        String name = a.get("name").asText();
        if (a.has("codes")) {
            String[] dictionary = new String[a.get("dictionary").size()];
            for (int i = 0; i < dictionary.length; i++) {
                dictionary[i] = a.get("dictionary").get(i).asText();
            }
            int[] codes = new int[a.get("codes").size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = a.get("codes").get(i).asInt();
            }
            return new CategoricalAttribute(name, dictionary, codes);
        }
        return NumericBuckets.bucketize(name, doubles(a.get("values")), doubles(a.get("edges")));
    }

    static FairnessOptions options(JsonNode inputs) {
        Map<String, String> privileged = new HashMap<>();
        inputs.get("privileged").fields().forEachRemaining(e -> privileged.put(e.getKey(), e.getValue().asText()));
        List<List<String>> pairs = new ArrayList<>();
        for (JsonNode p : inputs.get("pairs")) {
            pairs.add(List.of(p.get(0).asText(), p.get(1).asText()));
        }
        return new FairnessOptions(inputs.get("minGroupSize").asInt(), privileged, pairs);
    }

    static FairnessReport compute(JsonNode inputs) {
        return compute(inputs, inputs.get("correct"));
    }

    /** With the given per-row correctness (multiclass; null or absent for binary). */
    static FairnessReport compute(JsonNode inputs, JsonNode correct) {
        List<CategoricalAttribute> attributes = new ArrayList<>();
        inputs.get("attributes").forEach(a -> attributes.add(attribute(a)));
        return FairnessEngine.compute(attributes, booleans(inputs.get("predicted")), labels(inputs.get("labels")),
                labels(correct), options(inputs));
    }

    // ---- comparison -----------------------------------------------------------------------

    /** Compares a record (or list of records) with its JSON form; every record component must be in the JSON. */
    static void assertMatches(String path, Object actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertNull(actual, path + " should be null");
            return;
        }
        assertNotNull(actual, path + " is null, expected " + expected);
        if (expected.isArray()) {
            assertList(path, (List<?>) actual, expected);
        } else if (expected.isObject()) {
            assertRecord(path, (Record) actual, expected);
        } else if (expected.isTextual()) {
            String text = actual instanceof SignificanceTest t ? t.wireName() : actual.toString();
            assertEquals(expected.asText(), text, path);
        } else if (expected.isBoolean()) {
            assertEquals(expected.asBoolean(), actual, path);
        } else if (expected.isIntegralNumber() && !(actual instanceof Double)) {
            assertEquals(expected.asLong(), ((Number) actual).longValue(), path);
        } else if (path.endsWith("pValue")) {
            assertPValue(path, expected.asDouble(), ((Number) actual).doubleValue());
        } else {
            assertClose(path, expected.asDouble(), ((Number) actual).doubleValue());
        }
    }

    static void assertClose(String path, double expected, double actual) {
        double tol = REL_TOL * Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(expected == actual || Math.abs(expected - actual) <= tol,
                path + ": expected " + expected + " but was " + actual);
    }

    static void assertPValue(String path, double expected, double actual) {
        if (expected < P_FLOOR || actual < P_FLOOR) {
            assertTrue(expected < P_FLOOR && actual < P_FLOOR, path + ": expected " + expected + " but was " + actual);
            return;
        }
        double tol = P_REL_TOL * Math.max(expected, actual);
        assertTrue(Math.abs(expected - actual) <= tol, path + ": expected " + expected + " but was " + actual);
    }

    private static void assertRecord(String path, Record actual, JsonNode expected) {
        Set<String> components = new TreeSet<>();
        for (RecordComponent c : actual.getClass().getRecordComponents()) {
            components.add(c.getName());
        }
        Set<String> fields = new TreeSet<>();
        expected.fieldNames().forEachRemaining(fields::add);
        assertEquals(fields, components, path + ": fixture fields vs " + actual.getClass().getSimpleName());
        for (RecordComponent c : actual.getClass().getRecordComponents()) {
            try {
                assertMatches(path + "." + c.getName(), c.getAccessor().invoke(actual), expected.get(c.getName()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Lists of groups or attributes are matched by name: the fixture's order is not the engine's. */
    private static void assertList(String path, List<?> actual, JsonNode expected) {
        assertEquals(expected.size(), actual.size(), path + " size");
        if (expected.isEmpty()) {
            return;
        }
        String key = expected.get(0).has("attribute") ? "attribute" : expected.get(0).has("group") ? "group" : null;
        if (key == null) {
            fail(path + ": cannot match list elements");
        }
        Map<String, Object> byName = new HashMap<>();
        for (Object o : actual) {
            try {
                Object name = o.getClass().getMethod(key).invoke(o);
                byName.put((String) name, o);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        Set<String> expectedNames = new LinkedHashSet<>();
        for (Iterator<JsonNode> it = expected.elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            String name = e.get(key).asText();
            expectedNames.add(name);
            assertTrue(byName.containsKey(name), path + ": missing " + key + " '" + name + "', have " + byName.keySet());
            assertMatches(path + "[" + name + "]", byName.get(name), e);
        }
        assertEquals(expectedNames, byName.keySet(), path + " names");
    }
}
