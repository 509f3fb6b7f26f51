package io.modeltrust.performance.it;

import io.modeltrust.service.testing.KafkaTestSupport;
import static io.modeltrust.performance.it.PipelineFixture.close;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchWriter;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.IdHash;
import io.modeltrust.performance.pending.Ledger;
import io.modeltrust.performance.pending.PendingEntity;
import io.modeltrust.performance.rows.EvaluationRows;
import io.modeltrust.performance.rows.IdOrder;
import io.modeltrust.performance.rows.RowCodec;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Through the real broker and database, with fixed data whose expected figures scikit-learn computed
 * (performance-pipeline.json): batches arrive without (or with some) labels, labels are posted later,
 * and every revision's realised metrics equal sklearn's on the joined data.
 */
@QuarkusTest
class PerformancePipelineTest {

    private static final JsonNode FIXTURE = PipelineFixture.load();
    private static final Instant BATCH_AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration FIRST_WAIT = Duration.ofSeconds(180);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(4);

    private static final ModelSpec CLASSIFIER = new ModelSpec(Task.BINARY_CLASSIFICATION,
            List.of(new FeatureSpec("x1", ColumnType.NUMERIC), new FeatureSpec("x2", ColumnType.NUMERIC),
                    new FeatureSpec("c1", ColumnType.CATEGORICAL)),
            "decision", "score", "outcome", "yes", null, null, "app_id", null, null, null);
    private static final List<ColumnSpec> CLASSIFIER_COLUMNS = List.of(
            new ColumnSpec("x1", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("x2", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("c1", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("decision", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
            new ColumnSpec("score", ColumnRole.SCORE, ColumnType.NUMERIC),
            new ColumnSpec("outcome", ColumnRole.LABEL, ColumnType.CATEGORICAL),
            new ColumnSpec("app_id", ColumnRole.ID, ColumnType.CATEGORICAL));
    private static final List<ColumnSpec> CLASSIFIER_LABEL_COLUMNS = List.of(
            new ColumnSpec("app_id", ColumnRole.ID, ColumnType.CATEGORICAL),
            new ColumnSpec("outcome", ColumnRole.LABEL, ColumnType.CATEGORICAL));

    private static final ModelSpec REGRESSOR = new ModelSpec(Task.REGRESSION,
            List.of(new FeatureSpec("r1", ColumnType.NUMERIC), new FeatureSpec("r2", ColumnType.CATEGORICAL)),
            "predicted", null, "actual", null, null, null, "order_id", null, null, null);
    private static final List<ColumnSpec> REGRESSOR_COLUMNS = List.of(
            new ColumnSpec("r1", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("r2", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("predicted", ColumnRole.PREDICTION, ColumnType.NUMERIC),
            new ColumnSpec("actual", ColumnRole.LABEL, ColumnType.NUMERIC),
            new ColumnSpec("order_id", ColumnRole.ID, ColumnType.CATEGORICAL));
    private static final List<ColumnSpec> REGRESSOR_LABEL_COLUMNS = List.of(
            new ColumnSpec("order_id", ColumnRole.ID, ColumnType.CATEGORICAL),
            new ColumnSpec("actual", ColumnRole.LABEL, ColumnType.NUMERIC));

    @Inject
    Ledger ledger;

    private static List<BatchRecord> batch(ModelSpec spec, List<ColumnSpec> columns, String model, String batchId,
                                           BatchKind kind, List<Column> data, Instant at, Instant receivedAt) {
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1, spec,
                columns, at, receivedAt);
        return BatchWriter.records(header, data, 700);
    }

    private static List<Column> classifierData(JsonNode d) {
        String[] outcome = {"no", "yes"};
        return List.of(PipelineFixture.numeric(d.get("x1")), PipelineFixture.numeric(d.get("x2")),
                PipelineFixture.coded(d.get("c1"), PipelineFixture.texts(FIXTURE.get("classification").get("categories"))),
                PipelineFixture.coded(d.get("prediction"), outcome), PipelineFixture.numeric(d.get("score")),
                PipelineFixture.coded(d.get("label"), outcome), PipelineFixture.strings(d.get("ids")));
    }

    private static List<Column> classifierLabels(JsonNode d) {
        return List.of(PipelineFixture.strings(d.get("ids")), PipelineFixture.coded(d.get("label"), "no", "yes"));
    }

    private static List<Column> regressorData(JsonNode d) {
        return List.of(PipelineFixture.numeric(d.get("r1")),
                PipelineFixture.coded(d.get("r2"), PipelineFixture.texts(FIXTURE.get("regression").get("categories"))),
                PipelineFixture.numeric(d.get("prediction")), PipelineFixture.numeric(d.get("label")),
                PipelineFixture.strings(d.get("ids")));
    }

    /** Results of one model, by batch id (the latest seen per batch). */
    private static Map<String, PerformanceResult> await(KafkaConsumer<String, byte[]> results, String model, int expected,
                                                        Duration timeout, Duration quiet) {
        List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results,
                r -> model.equals(r.key()) && KafkaTestSupport.text(r.value()).contains("\"kind\":\"performance\""),
                expected, timeout, quiet);
        assertEquals(expected, got.size(), "results of " + model);
        Map<String, PerformanceResult> out = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : got) {
            PerformanceResult p = Json.fromBytes(r.value(), PerformanceResult.class);
            assertEquals(UUID.nameUUIDFromBytes(("performance:" + model + ":" + p.batchId() + ":" + p.revision())
                    .getBytes(StandardCharsets.UTF_8)).toString(), p.eventId());
            out.put(p.batchId(), p);
        }
        return out;
    }

    @Test
    void delayedLabelsYieldSklearnFiguresOnTheJoinedData() {
        JsonNode c = FIXTURE.get("classification");
        JsonNode expected = c.get("expected");
        String model = "perf-it-" + System.nanoTime();
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        String labels1 = "l1-" + UUID.randomUUID();
        String labels2 = "l2-" + UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.send("monitoring.batches", model, batch(CLASSIFIER, CLASSIFIER_COLUMNS, model,
                    "ref-" + a, BatchKind.REFERENCE, classifierData(c.get("reference")), BATCH_AT, BATCH_AT));
            List<BatchRecord> batchA = batch(CLASSIFIER, CLASSIFIER_COLUMNS, model, a, BatchKind.PRODUCTION,
                    classifierData(c.get("batchA")), BATCH_AT, BATCH_AT);
            KafkaTestSupport.send("monitoring.batches", model, batchA);
            KafkaTestSupport.send("monitoring.batches", model, batch(CLASSIFIER, CLASSIFIER_COLUMNS, model, b,
                    BatchKind.PRODUCTION, classifierData(c.get("batchB")), BATCH_AT, BATCH_AT));

            // Revision 1: A has no labels (estimate only), B has labels on 200 of 600 rows.
            Map<String, PerformanceResult> first = await(results, model, 2, FIRST_WAIT, Duration.ZERO);
            PerformanceResult a1 = first.get(a);
            assertEquals(1, a1.revision());
            assertEquals(1500, a1.rows());
            assertEquals(0, a1.labeledRows());
            assertEquals(0.0, a1.labelCoverage());
            assertTrue(a1.metrics().isEmpty(), "no realised metrics without labels");
            assertNull(a1.confusionMatrix());
            PipelineFixture.estimated(expected.get("aRev1").get("estimated"), a1.estimated(), "A rev 1 estimated");
            for (String m : PipelineFixture.CLASSIFICATION_METRICS) {
                close(expected.get("baseline").get(m), a1.baseline().get(m), "baseline " + m);
            }
            PipelineFixture.estimated(expected.get("baselineEstimated"), a1.baselineEstimated(), "baseline estimated");
            close(a1.estimated().get("accuracy") - a1.baselineEstimated().get("accuracy"),
                    a1.estimatedChange().get("accuracy").absolute(), "estimated change of accuracy");
            assertTrue(a1.estimationNote().contains("calibrated on the reference"), a1.estimationNote());
            assertTrue(a1.explanation().startsWith("No labels yet for 1,500 rows; estimated accuracy"), a1.explanation());
            PerformanceResult b1 = first.get(b);
            assertEquals(1, b1.revision());
            PipelineFixture.classification(expected.get("bRev1"), b1, "B rev 1");
            PipelineFixture.estimated(expected.get("bRev1").get("estimated"), b1.estimated(), "B rev 1 estimated");
            PipelineFixture.changes(b1);
            close(200.0 / 600, b1.labelCoverage(), "B rev 1 coverage");

            // labels1: 900 of A's ids, 200 more of B's, 7 unknown ids; arrives 2 hours after the batches.
            Instant labelsAt = BATCH_AT.plus(Duration.ofHours(2));
            List<BatchRecord> l1 = batch(CLASSIFIER, CLASSIFIER_LABEL_COLUMNS, model, labels1, BatchKind.LABELS,
                    classifierLabels(c.get("labels1")), labelsAt, labelsAt);
            KafkaTestSupport.send("monitoring.batches", model, l1);
            Map<String, PerformanceResult> second = await(results, model, 2, WAIT, Duration.ZERO);
            PerformanceResult a2 = second.get(a);
            assertEquals(2, a2.revision());
            PipelineFixture.classification(expected.get("aRev2"), a2, "A rev 2");
            PipelineFixture.changes(a2);
            PipelineFixture.slices(expected.get("aRev2").get("worst"), a2, "A rev 2");
            assertNotNull(a2.sliceSummary());
            assertEquals(labels1, a2.labelsBatchId());
            assertEquals(900L, a2.newlyLabeledRows());
            assertEquals(7L, a2.unmatchedLabels());
            assertEquals(7200.0, a2.labelDelaySeconds());
            close(0.6, a2.labelCoverage(), "A rev 2 coverage");
            PipelineFixture.estimated(expected.get("aRev1").get("estimated"), a2.estimated(), "A rev 2 estimated");
            JsonNode onLabeled = expected.get("aRev2").get("estimatedOnLabeled");
            close(a2.metrics().get("accuracy") - onLabeled.get("estimatedAccuracy").asDouble(),
                    a2.estimationError().get("accuracy").absolute(), "A rev 2 realised − estimated accuracy");
            assertTrue(a2.explanation().startsWith("Accuracy 0.667 (95% CI "), a2.explanation());
            assertTrue(a2.explanation().contains("worst slice x1 > 1.25466"), a2.explanation());
            PerformanceResult b2 = second.get(b);
            assertEquals(2, b2.revision());
            PipelineFixture.classification(expected.get("bRev2"), b2, "B rev 2");
            assertEquals(7L, b2.unmatchedLabels());

            // The same labels batch again (redelivery) publishes nothing.
            KafkaTestSupport.send("monitoring.batches", model, l1);
            // labels2: the rest of A, a day later; B is untouched.
            Instant laterAt = BATCH_AT.plus(Duration.ofHours(26));
            KafkaTestSupport.send("monitoring.batches", model, batch(CLASSIFIER, CLASSIFIER_LABEL_COLUMNS, model, labels2,
                    BatchKind.LABELS, classifierLabels(c.get("labels2")), laterAt, laterAt));
            // A redelivered production batch publishes nothing either.
            KafkaTestSupport.send("monitoring.batches", model, batchA);
            Map<String, PerformanceResult> third = await(results, model, 1, WAIT, QUIET);
            PerformanceResult a3 = third.get(a);
            assertEquals(3, a3.revision());
            PipelineFixture.classification(expected.get("aRev3"), a3, "A rev 3");
            PipelineFixture.slices(expected.get("aRev3").get("worst"), a3, "A rev 3");
            assertEquals(1.0, a3.labelCoverage());
            assertEquals(600L, a3.newlyLabeledRows());
            assertEquals(0L, a3.unmatchedLabels());
            assertEquals(93600.0, a3.labelDelaySeconds());
        }

        // Stored as published; A is complete but kept for corrections until it expires, B still waits for 200 labels.
        String latest = given().get("/api/v1/models/{m}/performance/{b}", model, a).then().statusCode(200)
                .extract().asString();
        assertEquals(3, Json.fromString(latest, PerformanceResult.class).revision());
        given().get("/api/v1/models/{m}/performance/{b}/revisions", model, a).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(3));
        given().get("/api/v1/models/{m}/performance/pending", model).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(2))
                .body("find { it.batchId == '" + a + "' }.labeledRows", org.hamcrest.Matchers.is(1500))
                .body("find { it.batchId == '" + b + "' }.labeledRows", org.hamcrest.Matchers.is(400));
        given().get("/api/v1/models/{m}/performance/labels/{l}", model, labels1).then().statusCode(200)
                .body("matched", org.hamcrest.Matchers.is(1100))
                .body("unmatched", org.hamcrest.Matchers.is(7))
                .body("affectedBatches", org.hamcrest.Matchers.is(2));
        given().get("/api/v1/models/{m}/performance/{b}", model, "no-such-batch").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void regressionLabelsJoinedLaterMatchSklearn() {
        JsonNode r = FIXTURE.get("regression");
        JsonNode expected = r.get("expected");
        String model = "perf-reg-" + System.nanoTime();
        String batchId = "c-" + UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.send("monitoring.batches", model, batch(REGRESSOR, REGRESSOR_COLUMNS, model, "ref-" + batchId,
                    BatchKind.REFERENCE, regressorData(r.get("reference")), BATCH_AT, BATCH_AT));
            KafkaTestSupport.send("monitoring.batches", model, batch(REGRESSOR, REGRESSOR_COLUMNS, model, batchId,
                    BatchKind.PRODUCTION, regressorData(r.get("batchC")), BATCH_AT, BATCH_AT));
            PerformanceResult c1 = await(results, model, 1, FIRST_WAIT, Duration.ZERO).get(batchId);
            assertEquals(0, c1.labeledRows());
            assertNull(c1.estimated(), "no estimate for regression");
            assertNull(c1.baselineEstimated());
            assertNull(c1.estimationNote(), "regression is not estimated, nothing to explain");
            close(expected.get("baseline").get("mae"), c1.baseline().get("mae"), "baseline mae");
            Instant labelsAt = BATCH_AT.plus(Duration.ofMinutes(90));
            KafkaTestSupport.send("monitoring.batches", model, batch(REGRESSOR, REGRESSOR_LABEL_COLUMNS, model,
                    "l-" + batchId, BatchKind.LABELS, List.of(PipelineFixture.strings(r.get("labels3").get("ids")),
                            PipelineFixture.numeric(r.get("labels3").get("label"))), labelsAt, labelsAt));
            PerformanceResult c2 = await(results, model, 1, WAIT, Duration.ZERO).get(batchId);
            assertEquals(2, c2.revision());
            PipelineFixture.regression(expected.get("cRev2"), c2, "C rev 2");
            PipelineFixture.changes(c2);
            PipelineFixture.slices(expected.get("cRev2").get("worst"), c2, "C rev 2");
            assertEquals(3L, c2.unmatchedLabels());
            assertEquals(5400.0, c2.labelDelaySeconds());
            assertEquals(1.0, c2.labelCoverage());
            assertTrue(c2.explanation().startsWith("MAE 4.238 (95% CI "), c2.explanation());
            // The bootstrap interval of MAE, about 4.00-4.48, lies wholly above the baseline 3.321.
            assertTrue(c2.explanation().contains("up 0.916, beyond the 95% interval"), c2.explanation());
        }
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndConsumptionContinues() {
        JsonNode c = FIXTURE.get("classification");
        String model = "perf-poison-" + System.nanoTime();
        String batchId = UUID.randomUUID().toString();
        try (KafkaConsumer<String, byte[]> dlq = KafkaTestSupport.tail("monitoring.dlq");
             KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.sendRaw("monitoring.batches", model, "this is not a batch record".getBytes(StandardCharsets.UTF_8));
            KafkaTestSupport.send("monitoring.batches", model, batch(CLASSIFIER, CLASSIFIER_COLUMNS, model,
                    "ref-" + batchId, BatchKind.REFERENCE, classifierData(c.get("reference")), BATCH_AT, BATCH_AT));
            // A fully labelled batch: realised metrics in revision 1, kept for corrected labels.
            KafkaTestSupport.send("monitoring.batches", model, batch(CLASSIFIER, CLASSIFIER_COLUMNS, model, batchId,
                    BatchKind.PRODUCTION, classifierData(c.get("reference")), BATCH_AT, BATCH_AT));
            List<ConsumerRecord<String, byte[]>> dead = KafkaTestSupport.await(dlq, rec -> model.equals(rec.key()), 1,
                    FIRST_WAIT, Duration.ZERO);
            assertEquals(1, dead.size());
            Header reason = dead.get(0).headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the dead letter says why");
            PerformanceResult result = await(results, model, 1, WAIT, Duration.ZERO).get(batchId);
            assertEquals(1.0, result.labelCoverage());
            PipelineFixture.classification(FIXTURE.get("classification").get("expected").get("baseline"), result,
                    "reference as a batch");
            for (Map.Entry<String, PerformanceResult.Change> change : result.change().entrySet()) {
                assertTrue(Math.abs(change.getValue().absolute()) < 1e-12,
                        "the same data as the reference: no change in " + change.getKey());
            }
            assertNull(result.slices(), "nothing fell, so no slices are named");
        }
        given().get("/api/v1/models/{m}/performance/pending", model).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(1))
                .body("[0].labeledRows", org.hamcrest.Matchers.is(2000));
    }

    @Test
    void expiredPredictionsArePrunedAndTheirLabelsCountAsUnmatched() throws InterruptedException {
        String model = "perf-expiry-" + System.nanoTime();
        String batchId = "old-" + UUID.randomUUID();
        int n = 100;
        long[] ids = new long[n];
        byte[] unknown = new byte[n];
        for (int i = 0; i < n; i++) {
            ids[i] = IdHash.of("old-" + i);
            unknown[i] = EvaluationRows.UNKNOWN;
        }
        EvaluationRows rows = IdOrder.sortById(new EvaluationRows(false, n, ids, new boolean[n], null, null, unknown,
                null, new byte[0][]));
        RowCodec.Packed packed = RowCodec.pack(rows);
        PendingEntity old = new PendingEntity();
        old.modelId = model;
        old.batchId = batchId;
        old.referenceVersion = 1;
        old.task = "binary_classification";
        old.rows = n;
        old.batchAt = Instant.now().minus(Duration.ofDays(100));
        old.createdAt = old.batchAt;
        old.idHashes = packed.idHashes();
        old.predictions = packed.predictions();
        old.labels = packed.labels();
        old.sliceBins = packed.sliceBins();
        ledger.recordFirst(model, batchId, UUID.randomUUID().toString(), "{}", old.createdAt, old);
        given().get("/api/v1/models/{m}/performance/pending", model).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(1));

        String labelsId = "l-" + UUID.randomUUID();
        String[] labelIds = new String[50];
        int[] codes = new int[50];
        int[] yes = new int[50];
        for (int i = 0; i < 50; i++) {
            labelIds[i] = "old-" + i;
            codes[i] = i;
            yes[i] = 1;
        }
        Instant now = Instant.now();
        KafkaTestSupport.send("monitoring.batches", model, batch(CLASSIFIER, CLASSIFIER_LABEL_COLUMNS, model, labelsId,
                BatchKind.LABELS, List.of(new CategoricalColumn(labelIds, codes),
                        new CategoricalColumn(new String[] {"no", "yes"}, yes)), now, now));
        Instant deadline = Instant.now().plus(FIRST_WAIT);
        int status = 404;
        while (status != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            status = given().get("/api/v1/models/{m}/performance/labels/{l}", model, labelsId).statusCode();
        }
        given().get("/api/v1/models/{m}/performance/labels/{l}", model, labelsId).then().statusCode(200)
                .body("matched", org.hamcrest.Matchers.is(0))
                .body("unmatched", org.hamcrest.Matchers.is(50))
                .body("affectedBatches", org.hamcrest.Matchers.is(0));
        given().get("/api/v1/models/{m}/performance/pending", model).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(0));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String meter : List.of("performance_batches_total", "performance_rows_total",
                "performance_compute_time_seconds_bucket", "performance_label_coverage_bucket",
                "performance_labels_unmatched_total", "performance_predictions_expired_total")) {
            assertTrue(metrics.contains(meter), meter + " is exported");
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}
