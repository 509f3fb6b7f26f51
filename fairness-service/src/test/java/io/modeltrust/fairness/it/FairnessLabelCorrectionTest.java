package io.modeltrust.fairness.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import io.modeltrust.model.event.FairnessResult.GroupResult;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FairnessSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.modeltrust.service.testing.KafkaTestSupport;
import io.quarkus.test.junit.QuarkusTest;
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
import org.junit.jupiter.api.Test;

/**
 * Corrected labels in the fairness service, as in the performance service: a label posted again for
 * an id that already has one replaces it and the batch gets a new revision computed on the corrected
 * labels; the same labels posted again publish nothing (the next real correction is the very next
 * revision). FairnessResult has no labelsCorrected field, so only the figures show the correction.
 */
@QuarkusTest
class FairnessLabelCorrectionTest {

    private static final int ROWS = 1200;
    private static final String[] SEX = {"female", "male"};
    private static final String[] BINARY = {"0", "1"};
    private static final ModelSpec SPEC = new ModelSpec(Task.BINARY_CLASSIFICATION,
            List.of(new FeatureSpec("income", ColumnType.NUMERIC), new FeatureSpec("sex", ColumnType.CATEGORICAL)),
            "approved", null, "repaid", "1", List.of("sex"), Map.of("sex", "male"), "application_id", null, null,
            new FairnessSettings(30, List.of(), Map.of(), "Approval"));
    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("income", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("sex", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("approved", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
            new ColumnSpec("repaid", ColumnRole.LABEL, ColumnType.CATEGORICAL),
            new ColumnSpec("application_id", ColumnRole.ID, ColumnType.CATEGORICAL));
    private static final List<ColumnSpec> LABEL_COLUMNS = List.of(
            new ColumnSpec("application_id", ColumnRole.ID, ColumnType.CATEGORICAL),
            new ColumnSpec("repaid", ColumnRole.LABEL, ColumnType.CATEGORICAL));

    @Test
    void laterLabelsReplaceEarlierOnesAndIdenticalOnesPublishNothing() {
        String model = "fairness-corr-" + System.nanoTime();
        String batchId = UUID.randomUUID().toString();
        SplittableRandom random = new SplittableRandom(7);
        String[] ids = new String[ROWS];
        int[] sex = new int[ROWS];
        int[] approved = new int[ROWS];
        int[] unknown = new int[ROWS];
        int[] truth = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            ids[i] = batchId + "-" + i;
            sex[i] = i % 3 == 0 ? 0 : 1;
            approved[i] = random.nextDouble() < 0.4 ? 1 : 0;
            unknown[i] = -1;
            truth[i] = random.nextDouble() < 0.8 ? approved[i] : 1 - approved[i];
        }
        // Labels 2 flip the rows i % 10 == 0 and re-send the rows i % 10 == 5 unchanged.
        int[] corrected = truth.clone();
        List<Integer> rows2 = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            if (i % 10 == 0) {
                corrected[i] = 1 - truth[i];
            }
            if (i % 10 == 0 || i % 10 == 5) {
                rows2.add(i);
            }
        }
        double[] income = new double[ROWS];
        Arrays.fill(income, 50_000);
        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.send("monitoring.batches", model, batch(model, batchId, BatchKind.PRODUCTION, COLUMNS,
                    List.of(new NumericColumn(income), new CategoricalColumn(SEX, sex),
                            new CategoricalColumn(BINARY, approved), new CategoricalColumn(BINARY, unknown),
                            new CategoricalColumn(ids, identity(ROWS)))));
            assertEquals(1, next(results, batchId, Duration.ofSeconds(90)).revision());

            KafkaTestSupport.send("monitoring.batches", model, labels(model, "l1-" + batchId, ids, truth, null));
            FairnessResult second = next(results, batchId, Duration.ofSeconds(60));
            assertEquals(2, second.revision());
            assertEquals(ROWS, second.labeledRows());
            assertEquals(tpr(sex, approved, truth, 0), female(second).tpr(), 1e-12, "tpr on the first labels");

            KafkaTestSupport.send("monitoring.batches", model, labels(model, "l2-" + batchId, ids, corrected, rows2));
            FairnessResult third = next(results, batchId, Duration.ofSeconds(60));
            assertEquals(3, third.revision());
            assertEquals(ROWS, third.labeledRows());
            assertEquals(tpr(sex, approved, corrected, 0), female(third).tpr(), 1e-12, "tpr on the corrected labels");
            assertEquals(fpr(sex, approved, corrected, 0), female(third).fpr(), 1e-12, "fpr on the corrected labels");

            // The same labels again, then one real correction: the correction is revision 4, so the
            // identical labels published nothing (results of a model arrive in order).
            KafkaTestSupport.send("monitoring.batches", model, labels(model, "l3-" + batchId, ids, corrected, rows2));
            corrected[1] = 1 - corrected[1];
            KafkaTestSupport.send("monitoring.batches", model, labels(model, "l4-" + batchId, ids, corrected,
                    List.of(1)));
            FairnessResult fourth = next(results, batchId, Duration.ofSeconds(60));
            assertEquals(4, fourth.revision(), "identical labels publish no revision");
            assertEquals(tpr(sex, approved, corrected, 1), group(fourth, "male").tpr(), 1e-12, "tpr after l4");
        }
    }

    private static FairnessResult next(KafkaConsumer<String, byte[]> results, String batchId, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results, r -> {
            String text = KafkaTestSupport.text(r.value());
            return text.contains("\"kind\":\"fairness\"") && text.contains(batchId);
        }, 1, timeout, Duration.ZERO);
        assertEquals(1, got.size(), "one result");
        return Json.fromBytes(got.get(0).value(), FairnessResult.class);
    }

    private static GroupResult female(FairnessResult r) {
        return group(r, "female");
    }

    private static GroupResult group(FairnessResult r, String name) {
        GroupResult g = r.attributes().stream().filter(a -> a.attribute().equals("sex")).findFirst().orElseThrow()
                .groups().stream().filter(x -> x.group().equals(name)).findFirst().orElse(null);
        assertNotNull(g, name);
        return g;
    }

    /** Approved share of the group's rows labelled 1. */
    private static double tpr(int[] sex, int[] approved, int[] label, int group) {
        return rate(sex, approved, label, group, 1);
    }

    /** Approved share of the group's rows labelled 0. */
    private static double fpr(int[] sex, int[] approved, int[] label, int group) {
        return rate(sex, approved, label, group, 0);
    }

    private static double rate(int[] sex, int[] approved, int[] label, int group, int actual) {
        int n = 0;
        int positive = 0;
        for (int i = 0; i < sex.length; i++) {
            if (sex[i] == group && label[i] == actual) {
                n++;
                positive += approved[i];
            }
        }
        return (double) positive / n;
    }

    /** A labels batch with the labels of the given rows, or of every row when rows is null. */
    private static List<BatchRecord> labels(String model, String labelsId, String[] ids, int[] label, List<Integer> rows) {
        List<Integer> which = rows;
        if (which == null) {
            which = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) {
                which.add(i);
            }
        }
        String[] outIds = new String[which.size()];
        int[] outLabels = new int[which.size()];
        for (int k = 0; k < outIds.length; k++) {
            outIds[k] = ids[which.get(k)];
            outLabels[k] = label[which.get(k)];
        }
        return batch(model, labelsId, BatchKind.LABELS, LABEL_COLUMNS, List.of(
                new CategoricalColumn(outIds, identity(outIds.length)), new CategoricalColumn(BINARY, outLabels)));
    }

    private static List<BatchRecord> batch(String model, String batchId, BatchKind kind, List<ColumnSpec> columns,
                                           List<Column> data) {
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1, SPEC,
                columns, Instant.parse("2026-11-21T10:00:00Z"), Instant.now());
        return BatchWriter.records(header, data, 1500);
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
