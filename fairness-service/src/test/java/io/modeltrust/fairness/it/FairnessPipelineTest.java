package io.modeltrust.fairness.it;

import io.modeltrust.service.testing.KafkaTestSupport;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.fairness.metrics.AttributeFairness;
import io.modeltrust.fairness.metrics.CategoricalAttribute;
import io.modeltrust.fairness.metrics.FairnessEngine;
import io.modeltrust.fairness.metrics.FairnessOptions;
import io.modeltrust.fairness.metrics.FairnessReport;
import io.modeltrust.fairness.metrics.GroupFairness;
import io.modeltrust.fairness.metrics.NumericBuckets;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchWriter;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.event.FairnessResult;
import io.modeltrust.model.event.FairnessResult.AttributeResult;
import io.modeltrust.model.event.FairnessResult.GroupResult;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FairnessSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Through the real broker and database: a reference batch, then a production batch with a planted
 * disparity (women approved at 0.30 against 0.45 for men) and no labels, delivered twice, yields one
 * result whose figures are the engine's on the same data, naming sex=female as the worst subject and
 * showing the fall since the reference; two labels batches then yield revisions 2 and 3 with tpr and
 * fpr; a redelivered labels batch changes nothing. A poison record goes to the dead-letter topic, a
 * regression model gets no fairness result, and consumption goes on.
 */
@QuarkusTest
class FairnessPipelineTest {

    private static final int ROWS = 6000;
    private static final String[] SEX = {"female", "male", "non-binary"};
    private static final double[] AGE_EDGES = {25, 35, 50};
    private static final List<List<String>> PAIRS = List.of(List.of("sex", "age"));
    private static final ModelSpec SPEC = new ModelSpec(Task.BINARY_CLASSIFICATION,
            List.of(new FeatureSpec("income", ColumnType.NUMERIC), new FeatureSpec("sex", ColumnType.CATEGORICAL)),
            "approved", null, "repaid", "1", List.of("sex", "age"), Map.of("sex", "male"), "application_id", null, null,
            new FairnessSettings(30, PAIRS, Map.of("age", List.of(25.0, 35.0, 50.0)), "Approval"));
    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("income", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("sex", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("age", ColumnRole.SENSITIVE, ColumnType.NUMERIC),
            new ColumnSpec("approved", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
            new ColumnSpec("repaid", ColumnRole.LABEL, ColumnType.CATEGORICAL),
            new ColumnSpec("application_id", ColumnRole.ID, ColumnType.CATEGORICAL));
    private static final List<ColumnSpec> LABEL_COLUMNS = List.of(
            new ColumnSpec("application_id", ColumnRole.ID, ColumnType.CATEGORICAL),
            new ColumnSpec("repaid", ColumnRole.LABEL, ColumnType.CATEGORICAL));
    private static final String[] BINARY = {"0", "1"};

    /** One generated batch: the raw arrays and the label each row would get. */
    record Data(String[] ids, int[] sex, double[] age, int[] approved, int[] labels, int[] truth) {

        List<Column> columns() {
            double[] income = new double[ids.length];
            Arrays.fill(income, 50_000);
            return List.of(new NumericColumn(income), new CategoricalColumn(SEX, sex), new NumericColumn(age),
                    new CategoricalColumn(BINARY, approved), new CategoricalColumn(BINARY, labels),
                    new CategoricalColumn(ids, identity(ids.length)));
        }

        List<CategoricalAttribute> attributes() {
            return List.of(new CategoricalAttribute("sex", SEX, sex), NumericBuckets.bucketize("age", age, AGE_EDGES));
        }

        boolean[] decisions() {
            boolean[] out = new boolean[approved.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = approved[i] == 1;
            }
            return out;
        }
    }

    /** Approval rate 0.45 for everyone but women, who get {@code femaleRate}; labels present or not. */
    private static Data data(String prefix, long seed, double femaleRate, boolean withLabels) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] ids = new String[ROWS];
        int[] sex = new int[ROWS];
        double[] age = new double[ROWS];
        int[] approved = new int[ROWS];
        int[] labels = new int[ROWS];
        int[] truth = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            ids[i] = prefix + "-" + i;
            double u = random.nextDouble();
            sex[i] = u < 0.02 ? -1 : u < 0.37 ? 0 : u < 0.97 ? 1 : 2;
            age[i] = random.nextDouble() < 0.01 ? Double.NaN : Math.floor(18 + 62 * random.nextDouble());
            double rate = sex[i] == 0 ? femaleRate : 0.45;
            approved[i] = random.nextDouble() < rate ? 1 : 0;
            // the model is right 80% of the time, a little less often for women
            boolean right = random.nextDouble() < (sex[i] == 0 ? 0.7 : 0.85);
            truth[i] = right ? approved[i] : 1 - approved[i];
            labels[i] = withLabels ? truth[i] : -1;
        }
        return new Data(ids, sex, age, approved, labels, truth);
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static List<BatchRecord> batch(String model, String batchId, BatchKind kind, ModelSpec spec,
                                           List<ColumnSpec> columns, List<Column> data) {
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1, spec,
                columns, Instant.parse("2026-11-21T10:00:00Z"), Instant.now());
        return BatchWriter.records(header, data, 1500);
    }

    /** A labels batch for the rows {@code i % 5 != 0} (first) or {@code i % 5 == 0} (second), plus unknown ids. */
    private static List<Column> labels(Data d, boolean first) {
        List<String> ids = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            if ((i % 5 != 0) == first) {
                ids.add(d.ids()[i]);
                values.add(d.truth()[i]);
            }
        }
        for (int i = 0; i < 50; i++) {
            ids.add("unknown-" + i);
            values.add(1);
        }
        return List.of(new CategoricalColumn(ids.toArray(String[]::new), identity(ids.size())),
                new CategoricalColumn(BINARY, values.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static byte[] labelState(Data d, int part) {
        byte[] out = new byte[ROWS];
        for (int i = 0; i < ROWS; i++) {
            boolean known = part == 2 || i % 5 != 0;
            out[i] = part == 0 || !known ? -1 : (byte) d.truth()[i];
        }
        return out;
    }

    private static boolean isFairness(ConsumerRecord<String, byte[]> r, String batchId) {
        String text = KafkaTestSupport.text(r.value());
        return text.contains("\"kind\":\"fairness\"") && text.contains(batchId);
    }

    @Test
    void plantedDisparityMatchesTheEngineAndDelayedLabelsAddRevisions() {
        String model = "fairness-it-" + System.nanoTime();
        String batchId = UUID.randomUUID().toString();
        Data reference = data("ref", 1, 0.45, true);
        Data production = data(batchId, 2, 0.30, false);
        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.send("monitoring.batches", model,
                    batch(model, "ref-" + batchId, BatchKind.REFERENCE, SPEC, COLUMNS, reference.columns()));
            List<BatchRecord> records = batch(model, batchId, BatchKind.PRODUCTION, SPEC, COLUMNS, production.columns());
            KafkaTestSupport.send("monitoring.batches", model, records);
            KafkaTestSupport.send("monitoring.batches", model, records);
            List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results, r -> isFairness(r, batchId), 1,
                    Duration.ofSeconds(90), Duration.ofSeconds(4));
            assertEquals(1, got.size(), "one result per batch, even when the batch is delivered twice");
            assertEquals(model, got.get(0).key());
            FairnessResult first = Json.fromBytes(got.get(0).value(), FairnessResult.class);

            // the same figures straight from the engine
            FairnessReport baseline = FairnessEngine.compute(reference.attributes(), reference.decisions(),
                    labelState(reference, 2), new FairnessOptions(30, Map.of("sex", "male"), PAIRS));
            FairnessOptions options = new FairnessOptions(30, Map.of("sex", "male",
                    "age", baseline.attribute("age").referenceGroup(),
                    "sex|age", baseline.attribute("sex|age").referenceGroup()), PAIRS);
            FairnessReport expected = FairnessEngine.compute(production.attributes(), production.decisions(),
                    labelState(production, 0), options);

            assertEquals("fairness", first.kind());
            assertEquals(1, first.revision());
            assertEquals(UUID.nameUUIDFromBytes(("fairness:" + model + ":" + batchId + ":1")
                    .getBytes(StandardCharsets.UTF_8)).toString(), first.eventId());
            assertEquals(ROWS, first.rows());
            assertEquals(0, first.labeledRows());
            assertEquals(List.of("sex", "age", "sex|age"), first.attributes().stream().map(AttributeResult::attribute).toList());
            for (AttributeFairness a : expected.attributes()) {
                assertMatches(a, attribute(first, a.attribute()), false);
            }
            AttributeResult sex = attribute(first, "sex");
            assertEquals("male", sex.referenceGroup());
            assertEquals("privileged", sex.referenceSource());
            assertEquals("baseline", attribute(first, "age").referenceSource());
            assertTrue(sex.demographicParityRatio() < 0.8, "planted: 0.30 / 0.45");
            assertNotNull(group(sex, "(missing)"), "missing values form their own group");
            assertTrue(group(sex, "female").pValue() < 1e-6, "the disparity is significant");
            assertEquals("z-test", group(sex, "female").test());
            assertNull(group(sex, "female").tpr(), "no labels yet");

            // change since the reference data
            assertNotNull(sex.baseline());
            assertEquals(baseline.attribute("sex").demographicParityRatio(), sex.baseline().demographicParityRatio(), 1e-12);
            assertTrue(sex.baseline().demographicParityRatioChange() < -0.15, sex.explanation());
            GroupResult female = group(sex, "female");
            assertEquals(baseline.attribute("sex").group("female").selectionRate(), female.baselineSelectionRate(), 1e-12);
            assertEquals(female.selectionRate() - female.baselineSelectionRate(), female.selectionRateChange(), 1e-12);
            assertTrue(female.selectionRateChange() < -0.1);

            // the why
            // (the lowest ratio of all attributes: the intersection's ratio is at most the marginal one,
            // so with sex x age configured the worst subject may be an intersectional group of women)
            FairnessResult.Worst worst = first.worst();
            assertNotNull(worst);
            assertTrue(worst.subject().equals("sex=female") || worst.subject().startsWith("sex|age=female|"),
                    worst.subject());
            assertEquals(worst.subject(), worst.attribute() + "=" + worst.subject().substring(worst.attribute().length() + 1));
            assertEquals("demographicParityRatio", worst.metric());
            assertEquals(0.8, worst.threshold(), 0);
            assertEquals(attribute(first, worst.attribute()).demographicParityRatio(), worst.value(), 1e-12);
            assertTrue(worst.value() <= sex.demographicParityRatio());
            assertTrue(worst.pValue() < 0.05, worst.text());
            assertTrue(worst.text().startsWith("Approval rate for " + worst.subject() + " is 0."), worst.text());
            assertEquals(worst.text(), first.explanation());
            assertTrue(sex.explanation().startsWith("Approval rate for sex=female is 0.3"), sex.explanation());
            assertTrue(sex.explanation().contains(" (n=2,"), sex.explanation());
            assertTrue(sex.explanation().contains("below 0.8, p < 0.001"), sex.explanation());
            assertTrue(sex.explanation().contains("On the reference data the ratio was"), sex.explanation());

            // delayed labels: 80% of the rows, then the rest; a redelivered labels batch does nothing
            List<BatchRecord> labels1 = batch(model, "labels1-" + batchId, BatchKind.LABELS, SPEC, LABEL_COLUMNS,
                    labels(production, true));
            KafkaTestSupport.send("monitoring.batches", model, labels1);
            got = KafkaTestSupport.await(results, r -> isFairness(r, batchId), 1, Duration.ofSeconds(60), Duration.ZERO);
            assertEquals(1, got.size());
            FairnessResult second = Json.fromBytes(got.get(0).value(), FairnessResult.class);
            assertEquals(2, second.revision());
            assertEquals(UUID.nameUUIDFromBytes(("fairness:" + model + ":" + batchId + ":2")
                    .getBytes(StandardCharsets.UTF_8)).toString(), second.eventId());
            assertEquals(ROWS - ROWS / 5, second.labeledRows());
            FairnessReport expected2 = FairnessEngine.compute(production.attributes(), production.decisions(),
                    labelState(production, 1), options);
            for (AttributeFairness a : expected2.attributes()) {
                assertMatches(a, attribute(second, a.attribute()), true);
            }
            GroupResult female2 = group(attribute(second, "sex"), "female");
            assertNotNull(female2.tpr());
            assertNotNull(female2.fpr());
            assertNotNull(attribute(second, "sex").equalOpportunityDifference());
            assertNotNull(attribute(second, "sex").equalizedOddsDifference());
            assertEquals(first.worst().text(), second.worst().text(), "selection rates do not depend on labels");

            KafkaTestSupport.send("monitoring.batches", model, batch(model, "labels2-" + batchId, BatchKind.LABELS, SPEC,
                    LABEL_COLUMNS, labels(production, false)));
            got = KafkaTestSupport.await(results, r -> isFairness(r, batchId), 1, Duration.ofSeconds(60), Duration.ZERO);
            assertEquals(1, got.size());
            FairnessResult third = Json.fromBytes(got.get(0).value(), FairnessResult.class);
            assertEquals(3, third.revision());
            assertEquals(ROWS, third.labeledRows());
            FairnessReport expected3 = FairnessEngine.compute(production.attributes(), production.decisions(),
                    labelState(production, 2), options);
            for (AttributeFairness a : expected3.attributes()) {
                assertMatches(a, attribute(third, a.attribute()), true);
            }

            KafkaTestSupport.send("monitoring.batches", model, labels1);
            got = KafkaTestSupport.await(results, r -> isFairness(r, batchId), 1, Duration.ofSeconds(5), Duration.ZERO);
            assertEquals(0, got.size(), "a redelivered labels batch publishes nothing");

            // the stored results and the service's metrics
            given().get("/api/v1/models/{m}/fairness/{b}", model, batchId).then().statusCode(200)
                    .body("revision", equalTo(3)).body("worst.subject", equalTo(worst.subject()));
            given().get("/api/v1/models/{m}/fairness/{b}?revision=1", model, batchId).then().statusCode(200)
                    .body("revision", equalTo(1)).body("eventId", equalTo(first.eventId()));
            given().get("/api/v1/models/{m}/fairness", model).then().statusCode(200)
                    .body("size()", equalTo(1)).body("[0].revision", equalTo(3));
            given().get("/api/v1/models/{m}/fairness/baselines/1", model).then().statusCode(200)
                    .body("attributes.size()", equalTo(3));
            given().get("/api/v1/models/{m}/fairness/{b}", model, "no-such-batch").then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("fairness_compute_time_seconds_bucket"), "compute time histogram");
            assertTrue(metrics.contains("fairness_batches_total{kind=\"production\""), "batches by kind");
            assertTrue(metrics.contains("fairness_rows_total{kind=\"production\""), "rows by kind");
            assertTrue(metrics.contains("fairness_revisions_total"), "label revisions");
        }
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndRegressionGetsNoResult() {
        String model = "fairness-poison-" + System.nanoTime();
        String regressionBatch = UUID.randomUUID().toString();
        String batchId = UUID.randomUUID().toString();
        ModelSpec regression = new ModelSpec(Task.REGRESSION, List.of(new FeatureSpec("sex", ColumnType.CATEGORICAL)),
                "amount", null, null, null, List.of("sex"), null, null, null, null, null);
        try (KafkaConsumer<String, byte[]> dlq = KafkaTestSupport.tail("monitoring.dlq");
             KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.sendRaw("monitoring.batches", model, "this is not a batch record".getBytes(StandardCharsets.UTF_8));
            KafkaTestSupport.send("monitoring.batches", model, batch(model, regressionBatch, BatchKind.PRODUCTION, regression,
                    List.of(new ColumnSpec("sex", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
                            new ColumnSpec("amount", ColumnRole.PREDICTION, ColumnType.NUMERIC)),
                    List.of(new CategoricalColumn(SEX, new int[] {0, 1, 2, 1}), new NumericColumn(new double[] {1, 2, 3, 4}))));
            KafkaTestSupport.send("monitoring.batches", model, batch(model, batchId, BatchKind.PRODUCTION, SPEC, COLUMNS,
                    data(batchId, 3, 0.45, false).columns()));
            List<ConsumerRecord<String, byte[]>> dead = KafkaTestSupport.await(dlq, r -> model.equals(r.key()), 1,
                    Duration.ofSeconds(60), Duration.ZERO);
            assertEquals(1, dead.size());
            Header reason = dead.get(0).headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the dead letter says why");
            List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results,
                    r -> isFairness(r, batchId) || isFairness(r, regressionBatch), 1, Duration.ofSeconds(60), Duration.ZERO);
            assertEquals(1, got.size(), "the next batch is still analysed");
            FairnessResult result = Json.fromBytes(got.get(0).value(), FairnessResult.class);
            assertEquals(batchId, result.batchId(), "the regression batch, before it on the same partition, got nothing");
            assertNull(attribute(result, "sex").baseline(), "no reference was sent for this model");
        }
    }

    private static void assertMatches(AttributeFairness a, AttributeResult r, boolean labels) {
        String where = a.attribute();
        assertEquals(a.referenceGroup(), r.referenceGroup(), where);
        assertClose(a.demographicParityRatio(), r.demographicParityRatio(), where + " dpr");
        assertClose(a.demographicParityDifference(), r.demographicParityDifference(), where + " dpd");
        assertClose(a.equalOpportunityDifference(), r.equalOpportunityDifference(), where + " eop");
        assertClose(a.equalizedOddsDifference(), r.equalizedOddsDifference(), where + " eodds");
        assertEquals(a.groups().stream().map(GroupFairness::group).toList(),
                r.groups().stream().map(GroupResult::group).toList(), where);
        for (GroupFairness g : a.groups()) {
            GroupResult got = group(r, g.group());
            String at = where + "=" + g.group();
            assertEquals(g.count(), got.count(), at);
            assertEquals(g.eligible(), got.eligible(), at);
            assertEquals(g.labelled(), got.labeled(), at);
            assertClose(g.selectionRate(), got.selectionRate(), at);
            assertClose(g.selectionRateLow(), got.selectionRateLow(), at);
            assertClose(g.selectionRateHigh(), got.selectionRateHigh(), at);
            assertClose(g.statisticalParityDifference(), got.statisticalParityDifference(), at);
            assertClose(g.disparateImpactRatio(), got.disparateImpactRatio(), at);
            assertClose(g.pValue(), got.pValue(), at);
            assertEquals(g.test() == null ? null : g.test().wireName(), got.test(), at);
            assertClose(g.tpr(), got.tpr(), at + " tpr");
            assertClose(g.fpr(), got.fpr(), at + " fpr");
            assertClose(g.precision(), got.precision(), at + " precision");
            assertClose(g.accuracy(), got.accuracy(), at + " accuracy");
            if (labels && g.labelled() > 0) {
                assertNotNull(got.accuracy(), at);
            }
        }
    }

    private static void assertClose(Double expected, Double actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertNotNull(actual, what);
            assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
        }
    }

    private static AttributeResult attribute(FairnessResult r, String name) {
        return r.attributes().stream().filter(a -> a.attribute().equals(name)).findFirst().orElseThrow();
    }

    private static GroupResult group(AttributeResult a, String name) {
        return a.groups().stream().filter(g -> g.group().equals(name)).findFirst().orElse(null);
    }
}
