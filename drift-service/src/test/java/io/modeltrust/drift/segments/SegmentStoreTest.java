package io.modeltrust.drift.segments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modeltrust.drift.DriftComputation;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.profile.ReferenceStore;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Segment profiles survive a restart: what PostgreSQL gives back after the cache is emptied yields the
 * same segments and the same result, byte for byte, as the profiles just computed.
 */
@QuarkusTest
class SegmentStoreTest {

    @Inject
    ReferenceStore store;

    @Test
    void storedSegmentsGiveTheSameResultAsFreshOnes() {
        String model = "seg-" + UUID.randomUUID().toString().substring(0, 8);
        AssembledBatch reference = withModel(SegmentBatches.reference(6_000), model);
        ReferenceProfiles fresh = ReferenceProfiles.of(reference);
        store.save(fresh);
        store.evict(model);
        ReferenceProfiles loaded = store.load(model, 1).orElseThrow();
        assertEquals(fresh.segments().stream().map(SegmentProfile::label).toList(),
                loaded.segments().stream().map(SegmentProfile::label).toList());
        for (int s = 0; s < fresh.segments().size(); s++) {
            SegmentProfile a = fresh.segments().get(s);
            SegmentProfile b = loaded.segments().get(s);
            assertEquals(a.rows(), b.rows());
            assertEquals(a.features().keySet(), b.features().keySet());
            assertArrayEquals(a.features().get("income").numeric().sortedValues(),
                    b.features().get("income").numeric().sortedValues());
        }
        AssembledBatch batch = withModel(SegmentBatches.production(5, 3_000, "west", 0.5,
                SegmentBatches.spec(null, null)), model);
        assertEquals(Json.toString(DriftComputation.compute(batch, fresh, "e", Instant.EPOCH)),
                Json.toString(DriftComputation.compute(batch, loaded, "e", Instant.EPOCH)));
    }

    private static AssembledBatch withModel(AssembledBatch b, String model) {
        BatchHeader h = b.header();
        BatchHeader header = new BatchHeader(null, h.schemaVersion(), h.eventId(), model, h.batchId(), h.kind(),
                h.modelVersion(), h.referenceVersion(), h.model(), h.columns(), h.at(), h.receivedAt());
        return new AssembledBatch(header, b.seal(), b.columns());
    }
}
