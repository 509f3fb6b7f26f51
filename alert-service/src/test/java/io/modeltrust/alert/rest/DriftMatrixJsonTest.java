package io.modeltrust.alert.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.history.DriftMatrixQuery;
import io.modeltrust.model.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftMatrixJsonTest {

    private static String number(double v) {
        StringBuilder out = new StringBuilder();
        DriftMatrixResource.number(out, v);
        return out.toString();
    }

    @Test
    void fourSignificantDigitsNullForNaN() {
        assertEquals("0.4236", number(0.42357));
        assertEquals("0.001235", number(0.0012345678));
        assertEquals("1.235E-7", number(1.2345e-7));
        assertEquals("12.35", number(12.3456));
        assertEquals("1", number(1.0));
        assertEquals("0", number(0.0));
        assertEquals("-0.1235", number(-0.123456));
        assertEquals("123457", number(123456.7)); // beyond 4 digits before the point: as is, rounded to whole
        assertEquals("null", number(Double.NaN));
    }

    @Test
    void validJsonWithNamesEscaped() {
        DriftMatrixQuery.Matrix m = new DriftMatrixQuery.Matrix("psi", List.of("in\"come", "age"), List.of("b1", "b2"),
                List.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z")), new double[]{0.5, Double.NaN},
                new double[][]{{0.42, 0.01}, {Double.NaN, 0.2}}, new double[][]{{1, 0}, {Double.NaN, 1}});
        JsonNode n = Json.fromString(DriftMatrixResource.write("m", m), JsonNode.class);
        assertEquals("in\"come", n.get("features").get(0).asText());
        assertEquals("2026-01-01T01:00:00Z", n.get("batches").get(1).get("at").asText());
        assertEquals("[0.5,null]", n.get("driftShare").toString());
        assertEquals("[[0.42,0.01],[null,0.2]]", n.get("values").toString());
        assertEquals("[[1,0],[null,1]]", n.get("drifted").toString());
    }
}
