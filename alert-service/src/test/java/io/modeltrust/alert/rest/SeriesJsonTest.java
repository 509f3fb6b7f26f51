package io.modeltrust.alert.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.history.VectorStore;
import io.modeltrust.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesJsonTest {

    @Test
    void instantsAsInstantToStringAndNamesEscaped() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong() % 200_000_000_000L, i % 4 == 0 ? 0 : switch (i % 3) {
                case 0 -> r.nextInt(1000) * 1_000_000;
                case 1 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            });
            JsonNode n = Json.fromString(new String(SeriesJson.write(List.of(new VectorStore.SeriesPoint("b", t, 1.5))),
                    StandardCharsets.UTF_8), JsonNode.class);
            assertEquals(t.toString(), n.get(0).get("at").asText());
        }
        String odd = "bätch \"7\"\\\n";
        JsonNode n = Json.fromString(new String(SeriesJson.write(List.of(
                new VectorStore.SeriesPoint(odd, Instant.EPOCH, -2.5e-12),
                new VectorStore.SeriesPoint("b2", Instant.parse("2026-11-21T10:00:00Z"), 0.4))), StandardCharsets.UTF_8),
                JsonNode.class);
        assertEquals(odd, n.get(0).get("batchId").asText());
        assertEquals(-2.5e-12, n.get(0).get("value").asDouble());
        assertEquals("2026-11-21T10:00:00Z", n.get(1).get("at").asText());
        assertEquals("[]", new String(SeriesJson.write(List.of()), StandardCharsets.UTF_8));
    }
}
