package io.modeltrust.performance.it;

import static io.modeltrust.performance.MulticlassFixture.PIPELINE;
import static io.modeltrust.performance.MulticlassFixture.close;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchWriter;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.performance.MulticlassFixture;
import io.modeltrust.service.testing.KafkaTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * A multiclass model through the real broker and database, with the fixed data whose figures
 * scikit-learn computed (the "pipeline" case of performance-multiclass.json): a reference with labels
 * and class scores, a batch without labels and one with some, then delayed labels and a labels batch
 * that corrects earlier labels. Every published revision equals sklearn's figures on the joined data.
 */
@QuarkusTest
class MulticlassPipelineTest {

    private static final JsonNode EXPECTED = PIPELINE.get("expected");
    private static final Instant BATCH_AT = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration FIRST_WAIT = Duration.ofSeconds(180);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(4);
    private static final ModelSpec SPEC = MulticlassFixture.spec(true);

    private static void send(String model, String batchId, BatchKind kind, List<Column> data, Instant at) {
        List<ColumnSpec> columns = kind == BatchKind.LABELS ? MulticlassFixture.labelColumns()
                : MulticlassFixture.columns(true);
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1, SPEC,
                columns, at, at);
        List<BatchRecord> records = BatchWriter.records(header, data, 700);
        KafkaTestSupport.send("monitoring.batches", model, records);
    }

    private static Map<String, PerformanceResult> await(KafkaConsumer<String, byte[]> results, String model,
                                                        int expected, Duration timeout, Duration quiet) {
        List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results,
                r -> model.equals(r.key()) && KafkaTestSupport.text(r.value()).contains("\"kind\":\"performance\""),
                expected, timeout, quiet);
        assertEquals(expected, got.size(), "results of " + model);
        Map<String, PerformanceResult> out = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : got) {
            PerformanceResult p = Json.fromBytes(r.value(), PerformanceResult.class);
            out.put(p.batchId(), p);
        }
        return out;
    }

    @Test
    void multiclassRevisionsEqualSklearnThroughDelayedAndCorrectedLabels() {
        String model = "perf-mc-" + System.nanoTime();
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        String labels1 = "l1-" + UUID.randomUUID();
        String labels2 = "l2-" + UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            send(model, "ref-" + a, BatchKind.REFERENCE, MulticlassFixture.data(PIPELINE.get("reference"), true),
                    BATCH_AT);
            send(model, a, BatchKind.PRODUCTION, MulticlassFixture.data(PIPELINE.get("batchA"), true), BATCH_AT);
            send(model, b, BatchKind.PRODUCTION, MulticlassFixture.data(PIPELINE.get("batchB"), true), BATCH_AT);

            // Revision 1: A has no labels (an estimate only), B has labels on 200 of its 500 rows.
            Map<String, PerformanceResult> first = await(results, model, 2, FIRST_WAIT, Duration.ZERO);
            PerformanceResult a1 = first.get(a);
            assertEquals("multiclass_classification", a1.task());
            assertEquals(0, a1.labeledRows());
            assertTrue(a1.metrics().isEmpty());
            assertNull(a1.perClass());
            MulticlassFixture.estimated(EXPECTED.get("aRev1").get("estimated"), a1.estimated(), "A rev 1 estimated");
            MulticlassFixture.estimated(EXPECTED.get("baselineEstimated"), a1.baselineEstimated(),
                    "baseline estimated");
            close(a1.estimated().get("macroF1") - a1.baselineEstimated().get("macroF1"),
                    a1.estimatedChange().get("macroF1").absolute(), "estimated change of macroF1");
            for (String m : MulticlassFixture.METRICS) {
                close(EXPECTED.get("baseline").get(m).asDouble(), a1.baseline().get(m), "baseline " + m);
            }
            assertTrue(a1.estimationNote().contains("calibrated on the reference"), a1.estimationNote());
            PerformanceResult b1 = first.get(b);
            MulticlassFixture.realised(EXPECTED.get("bRev1"), b1, "B rev 1");
            MulticlassFixture.estimated(EXPECTED.get("bRev1").get("estimated"), b1.estimated(), "B rev 1 estimated");
            MulticlassFixture.slices(EXPECTED.get("bRev1").get("worst"), b1, "B rev 1");

            // labels1: 720 of A's ids, 150 more of B's, 5 unknown ids, 3 hours after the batches.
            Instant labelsAt = BATCH_AT.plus(Duration.ofHours(3));
            send(model, labels1, BatchKind.LABELS, MulticlassFixture.labels(PIPELINE.get("labels1")), labelsAt);
            Map<String, PerformanceResult> second = await(results, model, 2, WAIT, Duration.ZERO);
            PerformanceResult a2 = second.get(a);
            assertEquals(2, a2.revision());
            MulticlassFixture.realised(EXPECTED.get("aRev2"), a2, "A rev 2");
            MulticlassFixture.estimationError(EXPECTED.get("aRev2"), a2, "A rev 2");
            MulticlassFixture.slices(EXPECTED.get("aRev2").get("worst"), a2, "A rev 2");
            PipelineFixture.changes(a2);
            assertEquals(720L, a2.newlyLabeledRows());
            assertEquals(0L, a2.labelsCorrected());
            assertEquals(5L, a2.unmatchedLabels());
            assertEquals(10800.0, a2.labelDelaySeconds());
            assertTrue(a2.explanation().startsWith("Accuracy "), a2.explanation());
            assertTrue(a2.explanation().contains("; macro F1 "), a2.explanation());
            PerformanceResult b2 = second.get(b);
            MulticlassFixture.realised(EXPECTED.get("bRev2"), b2, "B rev 2");
            assertEquals(150L, b2.newlyLabeledRows());

            // labels2: the rest of A and another class for 60 rows labels1 labelled; B is untouched.
            Instant laterAt = BATCH_AT.plus(Duration.ofHours(30));
            send(model, labels2, BatchKind.LABELS, MulticlassFixture.labels(PIPELINE.get("labels2")), laterAt);
            Map<String, PerformanceResult> third = await(results, model, 1, WAIT, QUIET);
            PerformanceResult a3 = third.get(a);
            assertEquals(3, a3.revision());
            MulticlassFixture.realised(EXPECTED.get("aRev3"), a3, "A rev 3");
            MulticlassFixture.slices(EXPECTED.get("aRev3").get("worst"), a3, "A rev 3");
            assertEquals(480L, a3.newlyLabeledRows());
            assertEquals(EXPECTED.get("labels2Corrected").asLong(), a3.labelsCorrected());
            assertEquals(0L, a3.unmatchedLabels());
            assertEquals(1.0, a3.labelCoverage());
        }
        String stored = given().get("/api/v1/models/{m}/performance/{b}", model, a).then().statusCode(200)
                .extract().asString();
        PerformanceResult latest = Json.fromString(stored, PerformanceResult.class);
        assertEquals(3, latest.revision());
        MulticlassFixture.realised(EXPECTED.get("aRev3"), latest, "A rev 3 as stored");
        given().get("/api/v1/models/{m}/performance/baseline", model).then().statusCode(200)
                .body("classes", is(MulticlassFixture.CLASSES))
                .body("classCalibration.perClass.size()", is(MulticlassFixture.CLASSES.size()));
    }
}
