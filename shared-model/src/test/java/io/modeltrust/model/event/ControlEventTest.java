package io.modeltrust.model.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ControlEventTest {

    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void modelDeletedRoundTripsWithWireNames() throws Exception {
        ControlEvent event = ControlEvent.modelDeleted("e1", "credit", "ops", AT);
        String json = event.toJson();
        JsonNode node = Json.MAPPER.readTree(json);
        assertEquals("model_deleted", node.get("kind").asText());
        assertEquals("2026-12-03T08:00:00Z", node.get("at").asText());
        assertTrue(node.get("batchId").isNull(), json);
        assertEquals("ops", node.get("actor").asText());
        ControlEvent back = ControlEvent.fromJson(json);
        assertEquals(event, back);
        assertTrue(back.wholeModel());
    }

    @Test
    void batchDeletedCarriesTheBatch() {
        ControlEvent event = ControlEvent.batchDeleted("e2", "credit", "b-1", "anonymous", AT);
        ControlEvent back = ControlEvent.fromJson(event.toJson());
        assertEquals(ControlEvent.Kind.BATCH_DELETED, back.kind());
        assertEquals("b-1", back.batchId());
        assertEquals("batch_deleted", back.kind().wire());
    }

    @Test
    void unknownFieldsAreIgnoredAndActorMayBeAbsent() {
        ControlEvent back = ControlEvent.fromJson("{\"schemaVersion\":2,\"eventId\":\"e3\",\"kind\":\"model_deleted\","
                + "\"modelId\":\"m\",\"at\":\"2026-12-03T08:00:00Z\",\"future\":1}");
        assertNull(back.actor());
        assertEquals(2, back.schemaVersion());
    }

    @Test
    void malformedEventsAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> ControlEvent.fromJson("not json"));
        assertThrows(IllegalArgumentException.class, () -> ControlEvent.fromJson(
                "{\"eventId\":\"e\",\"kind\":\"model_renamed\",\"modelId\":\"m\",\"at\":\"2026-12-03T08:00:00Z\"}"));
        IllegalArgumentException noBatch = assertThrows(IllegalArgumentException.class, () -> ControlEvent.fromJson(
                "{\"eventId\":\"e\",\"kind\":\"batch_deleted\",\"modelId\":\"m\",\"at\":\"2026-12-03T08:00:00Z\"}"));
        assertTrue(noBatch.getMessage().contains("batchId"), noBatch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ControlEvent.fromJson(
                "{\"eventId\":\"e\",\"kind\":\"model_deleted\",\"at\":\"2026-12-03T08:00:00Z\"}"));
        assertEquals("model_deleted", ControlEvent.Kind.fromWire("model_deleted").wire());
        assertThrows(IllegalArgumentException.class, () -> ControlEvent.Kind.fromWire("x"));
    }
}
