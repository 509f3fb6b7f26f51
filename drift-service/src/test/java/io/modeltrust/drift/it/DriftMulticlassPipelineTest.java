package io.modeltrust.drift.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.drift.MulticlassBatches;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchWriter;
import io.modeltrust.model.event.DriftResult;
import io.modeltrust.model.event.DriftResult.ColumnQuality;
import io.modeltrust.service.testing.KafkaTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * Through the real broker and database: a multiclass model whose spec gained a feature after its
 * reference. The production batch is analysed (no dead letter), the new feature is named as not
 * compared, and the class the reference never predicted is named in the prediction's data quality.
 */
@QuarkusTest
class DriftMulticlassPipelineTest {

    @Test
    void multiclassBatchWithAFeatureTheReferenceLacksIsAnalysed() {
        String model = "drift-mc-" + System.nanoTime();
        String batchId = UUID.randomUUID().toString();
        try (KafkaConsumer<String, byte[]> dlq = KafkaTestSupport.tail("monitoring.dlq");
             KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.send("monitoring.batches", model, records(model, "ref-" + batchId, BatchKind.REFERENCE, false));
            KafkaTestSupport.send("monitoring.batches", model, records(model, batchId, BatchKind.PRODUCTION, true));
            List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results,
                    r -> KafkaTestSupport.text(r.value()).contains(batchId), 1, Duration.ofSeconds(60), Duration.ZERO);
            assertEquals(1, got.size(), "the batch is analysed");
            DriftResult result = Json.fromBytes(got.get(0).value(), DriftResult.class);
            assertEquals(List.of("x1", "c1"), result.features().stream().map(DriftResult.FeatureDrift::feature).toList());
            assertTrue(result.explanation().contains("Not compared until the next reference (reference v1): x_new"),
                    result.explanation());
            assertEquals("categorical", result.prediction().type());
            assertEquals("categorical", result.label().type());
            ColumnQuality prediction = result.dataQuality().stream().filter(q -> q.column().equals("decision"))
                    .findFirst().orElseThrow();
            assertEquals(List.of("decline"), prediction.unseenCategories());
            assertEquals(0, KafkaTestSupport.await(dlq, r -> model.equals(r.key()), 1, Duration.ofSeconds(3),
                    Duration.ZERO).size(), "nothing of the model was dead-lettered");
        }
    }

    private static List<BatchRecord> records(String model, String batchId, BatchKind kind, boolean withNewFeature) {
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1,
                MulticlassBatches.spec(withNewFeature), MulticlassBatches.columns(withNewFeature),
                Instant.parse("2026-12-01T10:00:00Z"), Instant.now());
        int rows = kind == BatchKind.REFERENCE ? 3000 : 2000;
        return BatchWriter.records(header, MulticlassBatches.data(kind == BatchKind.REFERENCE ? 1 : 2, rows,
                kind == BatchKind.REFERENCE ? 0.0 : 0.2, withNewFeature), 1000);
    }
}
