package io.modeltrust.fairness.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.modeltrust.fairness.MulticlassFixture;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchWriter;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.event.FairnessResult;
import io.modeltrust.model.event.FairnessResult.AttributeResult;
import io.modeltrust.model.event.FairnessResult.GroupResult;
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
 * A multiclass model (approve / review / decline, favourable class approve) through the real broker
 * and database, against the Python figures of the fixture's "multiclass" case:
 * <ul>
 *   <li>a reference and a production batch of the fixture's rows with their labels: revision 1
 *       equals the fixture, and the change since the reference (the same rows) is 0;</li>
 *   <li>the same rows without labels: revision 1 has the selection figures and no label figures;
 *       the delayed labels give revision 2, equal to the fixture;</li>
 *   <li>corrections between review and decline only, which leave the binarised labels as they
 *       were: revision 3 equals the fixture's corrected figures (only accuracy moves).</li>
 * </ul>
 */
@QuarkusTest
class FairnessMulticlassPipelineTest {

    @Test
    void multiclassResultsEqualThePythonFiguresAndDelayedLabelsReviseThem() {
        String model = "fairness-mc-" + System.nanoTime();
        String run = UUID.randomUUID().toString();
        String labelled = "labelled-" + run;
        String delayed = "delayed-" + run;
        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.send("monitoring.batches", model, batch(model, "ref-" + run, BatchKind.REFERENCE,
                    MulticlassFixture.COLUMNS, MulticlassFixture.columns("ref-" + run, true)));
            KafkaTestSupport.send("monitoring.batches", model, batch(model, labelled, BatchKind.PRODUCTION,
                    MulticlassFixture.COLUMNS, MulticlassFixture.columns(labelled, true)));
            FairnessResult withLabels = next(results, labelled, Duration.ofSeconds(90));
            assertEquals(1, withLabels.revision());
            assertEquals(MulticlassFixture.rows(), withLabels.rows());
            assertEquals(MulticlassFixture.labelledRows()[0].length, withLabels.labeledRows());
            MulticlassFixture.assertResultMatches(withLabels.attributes(), MulticlassFixture.expected(), true);
            assertEquals(MulticlassFixture.expectedWorstText(), withLabels.worst().text());
            AttributeResult sex = attribute(withLabels, "sex");
            assertEquals("privileged", sex.referenceSource());
            assertEquals("baseline", attribute(withLabels, "age").referenceSource());
            assertNotNull(sex.baseline(), "the reference of the multiclass model was profiled");
            assertEquals(sex.demographicParityRatio(), sex.baseline().demographicParityRatio(), 1e-12);
            assertEquals(0, sex.baseline().demographicParityRatioChange(), 1e-12, "the reference holds the same rows");

            KafkaTestSupport.send("monitoring.batches", model, batch(model, delayed, BatchKind.PRODUCTION,
                    MulticlassFixture.COLUMNS, MulticlassFixture.columns(delayed, false)));
            FairnessResult first = next(results, delayed, Duration.ofSeconds(60));
            assertEquals(1, first.revision());
            assertEquals(0, first.labeledRows());
            MulticlassFixture.assertResultMatches(first.attributes(), MulticlassFixture.expected(), false);

            int[][] labels = MulticlassFixture.labelledRows();
            KafkaTestSupport.send("monitoring.batches", model, batch(model, "labels-" + run, BatchKind.LABELS,
                    MulticlassFixture.LABEL_COLUMNS, MulticlassFixture.labelColumns(delayed, labels[0], labels[1])));
            FairnessResult second = next(results, delayed, Duration.ofSeconds(60));
            assertEquals(2, second.revision());
            assertEquals(labels[0].length, second.labeledRows());
            MulticlassFixture.assertResultMatches(second.attributes(), MulticlassFixture.expected(), true);

            KafkaTestSupport.send("monitoring.batches", model, batch(model, "corrections-" + run, BatchKind.LABELS,
                    MulticlassFixture.LABEL_COLUMNS, MulticlassFixture.labelColumns(delayed,
                            MulticlassFixture.correctionRows(), MulticlassFixture.correctionClasses())));
            FairnessResult third = next(results, delayed, Duration.ofSeconds(60));
            assertEquals(3, third.revision(), "a correction between two unfavourable classes still revises");
            MulticlassFixture.assertResultMatches(third.attributes(), MulticlassFixture.expectedCorrected(), true);
            GroupResult before = group(attribute(second, "sex"), "female");
            GroupResult after = group(attribute(third, "sex"), "female");
            assertEquals(before.tpr(), after.tpr(), 0, "the favourable class's recall does not move");
            assertNotEquals(before.accuracy(), after.accuracy(), "the multiclass accuracy does");

            given().get("/api/v1/models/{m}/fairness/{b}", model, delayed).then().statusCode(200)
                    .body("revision", equalTo(3));
        }
    }

    private static List<BatchRecord> batch(String model, String batchId, BatchKind kind, List<ColumnSpec> columns,
                                           List<Column> data) {
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1,
                MulticlassFixture.SPEC, columns, Instant.parse("2026-12-01T10:00:00Z"), Instant.now());
        return BatchWriter.records(header, data, 1000);
    }

    private static FairnessResult next(KafkaConsumer<String, byte[]> results, String batchId, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results, r -> {
            String text = KafkaTestSupport.text(r.value());
            return text.contains("\"kind\":\"fairness\"") && text.contains("\"batchId\":\"" + batchId + "\"");
        }, 1, timeout, Duration.ZERO);
        assertEquals(1, got.size(), "one result of " + batchId);
        return Json.fromBytes(got.get(0).value(), FairnessResult.class);
    }

    private static AttributeResult attribute(FairnessResult r, String name) {
        return r.attributes().stream().filter(a -> a.attribute().equals(name)).findFirst().orElseThrow();
    }

    private static GroupResult group(AttributeResult a, String name) {
        return a.groups().stream().filter(g -> g.group().equals(name)).findFirst().orElseThrow();
    }
}
