package io.modeltrust.performance.it;

import static io.modeltrust.performance.it.PipelineFixture.close;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchWriter;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.modeltrust.service.testing.KafkaTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * Corrected labels through the real broker and database: a label posted again for an id that already
 * has one replaces it, the batch gets a new revision computed on the corrected labels, and
 * {@code labelsCorrected} counts the rows whose label changed; the same labels posted again change
 * nothing and publish nothing. Both an unlabelled batch (labelled later) and a batch that arrived fully
 * labelled accept corrections, as in the fairness service.
 */
@QuarkusTest
class LabelCorrectionPipelineTest {

    private static final JsonNode FIXTURE = PipelineFixture.load().get("classification");
    private static final Instant BATCH_AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration FIRST_WAIT = Duration.ofSeconds(180);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(4);
    private static final String[] OUTCOME = {"no", "yes"};

    private static final ModelSpec CLASSIFIER = new ModelSpec(Task.BINARY_CLASSIFICATION,
            List.of(new FeatureSpec("x1", ColumnType.NUMERIC), new FeatureSpec("x2", ColumnType.NUMERIC),
                    new FeatureSpec("c1", ColumnType.CATEGORICAL)),
            "decision", "score", "outcome", "yes", null, null, "app_id", null, null, null);
    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("x1", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("x2", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("c1", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("decision", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
            new ColumnSpec("score", ColumnRole.SCORE, ColumnType.NUMERIC),
            new ColumnSpec("outcome", ColumnRole.LABEL, ColumnType.CATEGORICAL),
            new ColumnSpec("app_id", ColumnRole.ID, ColumnType.CATEGORICAL));
    private static final List<ColumnSpec> LABEL_COLUMNS = List.of(
            new ColumnSpec("app_id", ColumnRole.ID, ColumnType.CATEGORICAL),
            new ColumnSpec("outcome", ColumnRole.LABEL, ColumnType.CATEGORICAL));

    @Test
    void laterLabelsReplaceEarlierOnesAndIdenticalOnesPublishNothing() throws InterruptedException {
        String model = "perf-corr-" + System.nanoTime();
        String a = "a-" + UUID.randomUUID();
        String full = "full-" + UUID.randomUUID();
        JsonNode batchA = FIXTURE.get("batchA");
        JsonNode reference = FIXTURE.get("reference");
        String[] aIds = PipelineFixture.texts(batchA.get("ids"));
        int[] aPredicted = ints(batchA.get("prediction"));
        String[] fullIds = PipelineFixture.texts(reference.get("ids"));
        int[] fullPredicted = ints(reference.get("prediction"));

        // Labels 1 label every row of A: the prediction for two rows in three, its opposite for the third.
        int[] aLabel = new int[aIds.length];
        for (int i = 0; i < aIds.length; i++) {
            aLabel[i] = i % 3 == 0 ? 1 - aPredicted[i] : aPredicted[i];
        }
        // Labels 2 flip A's rows i % 10 == 0 (150) and the fully labelled batch's rows i % 20 == 0 (100),
        // and re-send A's rows i % 10 == 5 with the label they already have (150, no correction).
        int[] aCorrected = aLabel.clone();
        int[] fullCorrected = ints(reference.get("label"));
        List<String> ids2 = new ArrayList<>();
        List<Integer> labels2 = new ArrayList<>();
        int aChanged = 0;
        for (int i = 0; i < aIds.length; i++) {
            if (i % 10 == 0) {
                aCorrected[i] = 1 - aLabel[i];
                aChanged++;
            }
            if (i % 10 == 0 || i % 10 == 5) {
                ids2.add(aIds[i]);
                labels2.add(aCorrected[i]);
            }
        }
        int fullChanged = 0;
        for (int i = 0; i < fullIds.length; i++) {
            if (i % 20 == 0) {
                fullCorrected[i] = 1 - fullCorrected[i];
                ids2.add(fullIds[i]);
                labels2.add(fullCorrected[i]);
                fullChanged++;
            }
        }
        String[] ids2Array = ids2.toArray(String[]::new);
        int[] labels2Array = labels2.stream().mapToInt(Integer::intValue).toArray();

        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            send(model, "ref-" + a, BatchKind.REFERENCE, data(reference), BATCH_AT);
            send(model, a, BatchKind.PRODUCTION, data(batchA), BATCH_AT);
            // The reference data again, as a production batch: every row arrives labelled.
            send(model, full, BatchKind.PRODUCTION, data(reference), BATCH_AT);
            Map<String, PerformanceResult> first = await(results, model, 2, FIRST_WAIT, Duration.ZERO);
            assertEquals(0, first.get(a).labeledRows());
            assertNull(first.get(a).labelsCorrected(), "revision 1 corrects nothing");
            assertEquals(fullIds.length, first.get(full).labeledRows());

            Instant labelsAt = BATCH_AT.plus(Duration.ofHours(1));
            send(model, "l1-" + a, BatchKind.LABELS, labels(aIds, aLabel), labelsAt);
            PerformanceResult a2 = await(results, model, 1, WAIT, Duration.ZERO).get(a);
            assertEquals(2, a2.revision());
            assertEquals(aIds.length, a2.newlyLabeledRows());
            assertEquals(0L, a2.labelsCorrected());
            close(accuracy(aPredicted, aLabel), a2.metrics().get("accuracy"), "A rev 2 accuracy");

            Instant correctedAt = BATCH_AT.plus(Duration.ofHours(3));
            String l2 = "l2-" + a;
            send(model, l2, BatchKind.LABELS, labels(ids2Array, labels2Array), correctedAt);
            Map<String, PerformanceResult> third = await(results, model, 2, WAIT, Duration.ZERO);
            PerformanceResult a3 = third.get(a);
            assertEquals(3, a3.revision());
            assertEquals(l2, a3.labelsBatchId());
            assertEquals((long) aChanged, a3.labelsCorrected());
            assertEquals(0L, a3.newlyLabeledRows());
            assertNull(a3.labelDelaySeconds(), "no row gained a label, so there is no delay to average");
            assertEquals(aIds.length, a3.labeledRows());
            close(accuracy(aPredicted, aCorrected), a3.metrics().get("accuracy"), "A rev 3 accuracy");
            PerformanceResult full2 = third.get(full);
            assertEquals(2, full2.revision());
            assertEquals((long) fullChanged, full2.labelsCorrected());
            close(accuracy(fullPredicted, fullCorrected), full2.metrics().get("accuracy"), "full rev 2 accuracy");

            // The same labels under another labels batch id: nothing changes, nothing is published.
            String l3 = "l3-" + a;
            send(model, l3, BatchKind.LABELS, labels(ids2Array, labels2Array), correctedAt.plus(Duration.ofHours(1)));
            awaitProcessed(model, l3);
            assertEquals(0, await(results, model, 0, Duration.ZERO, QUIET).size(), "identical labels");
        }
        given().get("/api/v1/models/{m}/performance/labels/{l}", model, "l3-" + a).then().statusCode(200)
                .body("matched", is(ids2Array.length)).body("affectedBatches", is(2));
        given().get("/api/v1/models/{m}/performance/{b}/revisions", model, a).then().statusCode(200)
                .body("size()", is(3));
        String latest = given().get("/api/v1/models/{m}/performance/{b}", model, a).then().statusCode(200)
                .extract().asString();
        assertEquals((long) aChanged, Json.fromString(latest, PerformanceResult.class).labelsCorrected());
    }

    /** Share of rows whose label equals the prediction: accuracy, computed here independently. */
    private static double accuracy(int[] predicted, int[] label) {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == label[i] ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static List<Column> data(JsonNode d) {
        return List.of(PipelineFixture.numeric(d.get("x1")), PipelineFixture.numeric(d.get("x2")),
                PipelineFixture.coded(d.get("c1"), PipelineFixture.texts(FIXTURE.get("categories"))),
                PipelineFixture.coded(d.get("prediction"), OUTCOME), PipelineFixture.numeric(d.get("score")),
                PipelineFixture.coded(d.get("label"), OUTCOME), PipelineFixture.strings(d.get("ids")));
    }

    private static List<Column> labels(String[] ids, int[] codes) {
        int[] idCodes = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            idCodes[i] = i;
        }
        return List.of(new CategoricalColumn(ids, idCodes), new CategoricalColumn(OUTCOME, codes));
    }

    private static void send(String model, String batchId, BatchKind kind, List<Column> data, Instant at) {
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1,
                CLASSIFIER, kind == BatchKind.LABELS ? LABEL_COLUMNS : COLUMNS, at, at);
        List<BatchRecord> records = BatchWriter.records(header, data, 700);
        KafkaTestSupport.send("monitoring.batches", model, records);
    }

    /** A labels batch is remembered after every revision it caused was published. */
    private static void awaitProcessed(String model, String labelsBatchId) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline) && given().get("/api/v1/models/{m}/performance/labels/{l}", model,
                labelsBatchId).statusCode() != 200) {
            Thread.sleep(250);
        }
    }

    /** Results of one model, by batch id (the latest seen per batch). */
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
}
