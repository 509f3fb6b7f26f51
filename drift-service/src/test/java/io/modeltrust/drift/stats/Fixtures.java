package io.modeltrust.drift.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/** Fixture loading, the generator shared with generate_fixtures.py, and docs/metrics.md tolerances. */
final class Fixtures {

    static final double STAT_RTOL = 1e-9;
    static final double P_RTOL = 1e-4;
    static final double P_FLOOR = 1e-10;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                return null;
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    // ------------------------------------------------------------------ data

    static double[] numericColumn(JsonNode node) {
        if (node.has("values")) {
            JsonNode values = node.get("values");
            double[] out = new double[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = values.get(i).isNull() ? Double.NaN : values.get(i).asDouble();
            }
            return out;
        }
        return generate(node.get("gen"));
    }

    static double[] toDoubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static String[] toStrings(JsonNode array) {
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asText();
        }
        return out;
    }

    static int[] codes(JsonNode node) {
        if (node.has("codes")) {
            JsonNode c = node.get("codes");
            int[] out = new int[c.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = c.get(i).asInt();
            }
            return out;
        }
        JsonNode spec = node.get("gen");
        int n = spec.get("n").asInt();
        double[] u = uniforms(spec.get("seed").asLong(), n);
        double[] cum = toDoubles(spec.get("cum"));
        int every = spec.path("missing_every").asInt(0);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int code = 0;
            while (code < cum.length && cum[code] <= u[i]) {
                code++;
            }
            out[i] = every > 0 && i % every == 0 ? -1 : code;
        }
        return out;
    }

    /** SplitMix64 uniforms, identical to splitmix_uniforms() in generate_fixtures.py. */
    static double[] uniforms(long seed, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            long z = seed + (i + 1L) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            out[i] = (z >>> 11) * 0x1.0p-53;
        }
        return out;
    }

    static double[] generate(JsonNode spec) {
        String kind = spec.get("kind").asText();
        int n = spec.get("n").asInt();
        long seed = spec.get("seed").asLong();
        double[] x = new double[n];
        switch (kind) {
            case "normal4" -> {
                double[] u = uniforms(seed, 4 * n);
                double loc = spec.get("loc").asDouble();
                double scale = spec.get("scale").asDouble();
                for (int i = 0; i < n; i++) {
                    x[i] = loc + scale * (u[4 * i] + u[4 * i + 1] + u[4 * i + 2] + u[4 * i + 3] - 2.0);
                }
            }
            case "int" -> {
                double[] u = uniforms(seed, n);
                double loc = spec.get("loc").asDouble();
                double k = spec.get("k").asDouble();
                for (int i = 0; i < n; i++) {
                    x[i] = loc + Math.floor(u[i] * k);
                }
            }
            case "const" -> java.util.Arrays.fill(x, spec.get("value").asDouble());
            default -> fail("unknown generator " + kind);
        }
        int every = spec.path("missing_every").asInt(0);
        if (every > 0) {
            for (int i = 0; i < n; i += every) {
                x[i] = Double.NaN;
            }
        }
        return x;
    }

    // ------------------------------------------------------------------ tolerances

    /** 1e-9 relative; an expected 0 must come out as 0 up to 1e-15. */
    static void assertStat(double expected, Double actual, String what) {
        assertTrue(actual != null, what + ": expected " + expected + " but was null");
        double tol = expected == 0 ? 1e-15 : STAT_RTOL * Math.abs(expected);
        assertTrue(Math.abs(actual - expected) <= tol,
                what + ": expected " + expected + " but was " + actual + " (rel "
                        + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }

    static void assertStat(JsonNode expected, Double actual, String what) {
        assertStat(expected.asDouble(), actual, what);
    }

    /** 1e-4 relative above 1e-10; below, both must be below 1e-10. */
    static void assertPValue(double expected, Double actual, String what) {
        assertTrue(actual != null, what + ": expected " + expected + " but was null");
        if (expected < P_FLOOR) {
            assertTrue(actual < P_FLOOR, what + ": expected < 1e-10 (" + expected + ") but was " + actual);
            return;
        }
        assertTrue(Math.abs(actual - expected) <= P_RTOL * expected,
                what + ": expected " + expected + " but was " + actual + " (rel "
                        + Math.abs(actual - expected) / expected + ")");
    }

    static void assertStats(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertStat(expected[i], actual[i], what + "[" + i + "]");
        }
    }
}
