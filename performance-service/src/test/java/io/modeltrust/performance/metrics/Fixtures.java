package io.modeltrust.performance.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the golden JSON written by src/test/python/generate_fixtures.py and compares at docs/metrics.md tolerance. */
final class Fixtures {

    /** docs/metrics.md: 1e-9 relative for statistics and metrics. */
    static final double REL = 1e-9;
    /** Floor for values that are 0 in one implementation and a rounding residue in the other. */
    static final double ABS_FLOOR = 1e-15;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            assertNotNull(in, "fixture " + name + " missing: run src/test/python/generate_fixtures.py");
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }



    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = array.get(i);
            out[i] = v.isNull() ? Double.NaN : v.asDouble();
        }
        return out;
    }

    static boolean[] booleans(JsonNode array) {
        boolean[] out = new boolean[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt() != 0;
        }
        return out;
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    static String[] strings(JsonNode array) {
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asText();
        }
        return out;
    }

    static List<SliceFeature> features(JsonNode array) {
        List<SliceFeature> out = new ArrayList<>();
        for (JsonNode f : array) {
            if (f.get("kind").asText().equals("numeric")) {
                out.add(new SliceFeature.Numeric(f.get("name").asText(), doubles(f.get("values")),
                        doubles(f.get("edges"))));
            } else {
                out.add(new SliceFeature.Categorical(f.get("name").asText(), ints(f.get("codes")),
                        strings(f.get("dictionary"))));
            }
        }
        return out;
    }

    static void assertClose(String what, JsonNode expected, Double actual) {
        if (expected == null || expected.isNull()) {
            assertNull(actual, what + " should be absent");
            return;
        }
        assertClose(what, expected.asDouble(), actual);
    }

    static void assertClose(String what, double expected, Double actual) {
        assertNotNull(actual, what + " should be present");
        double a = actual;
        double tol = Math.max(REL * Math.max(Math.abs(expected), Math.abs(a)), ABS_FLOOR);
        assertTrue(Math.abs(expected - a) <= tol || expected == a,
                what + ": expected " + expected + " but was " + a + " (diff " + Math.abs(expected - a) + ")");
    }

    static void assertInterval(String what, JsonNode expected, Interval actual) {
        if (expected == null || expected.isNull()) {
            assertNull(actual, what + " should be absent");
            return;
        }
        assertNotNull(actual, what + " should be present");
        assertEquals(expected.get("method").asText(), actual.method(), what + " method");
        assertClose(what + ".lower", expected.get("lower").asDouble(), actual.lower());
        assertClose(what + ".upper", expected.get("upper").asDouble(), actual.upper());
    }
}
