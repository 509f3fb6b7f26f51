package io.modeltrust.fairness.it;

import io.modeltrust.service.testing.KafkaTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modeltrust.model.Json;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.DataChunk;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.event.FairnessResult;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FairnessSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in (-Dmt.scale=true): 1,000,000 rows with sex, bucketed age and their intersection
 * through the real broker and database, then 800,000 delayed labels. Prints the wall time from the
 * last record sent to the result received; the service logs its compute time.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "mt.scale", matches = "true")
class FairnessScaleTest {

    private static final int ROWS = 1_000_000;
    private static final int CHUNK = 50_000;

    @Test
    void millionRows() {
        String model = "fairness-scale-" + System.nanoTime();
        String batchId = UUID.randomUUID().toString();
        SplittableRandom rnd = new SplittableRandom(20240611L);
        int[] sex = new int[ROWS];
        double[] age = new double[ROWS];
        int[] pred = new int[ROWS];
        int[] label = new int[ROWS];
        int[] truth = new int[ROWS];
        String[] ids = new String[ROWS];
        int[] idCodes = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double u = rnd.nextDouble();
            sex[i] = u < 0.02 ? -1 : u < 0.47 ? 0 : u < 0.99 ? 1 : 2;
            age[i] = rnd.nextDouble() < 0.01 ? Double.NaN : Math.floor(18 + 62 * rnd.nextDouble());
            double rate = 0.30 + (sex[i] == 1 ? 0.12 : 0) + (Double.isNaN(age[i]) ? 0 : (age[i] - 18) / 400);
            pred[i] = rnd.nextDouble() < rate ? 1 : 0;
            truth[i] = rnd.nextDouble() < 0.8 ? pred[i] : 1 - pred[i];
            label[i] = -1;
            ids[i] = batchId + "-" + i;
            idCodes[i] = i;
        }
        ModelSpec spec = new ModelSpec(Task.BINARY_CLASSIFICATION, List.of(new FeatureSpec("sex", ColumnType.CATEGORICAL)),
                "approved", null, "repaid", "1", List.of("sex", "age"), Map.of("sex", "male"), "id", null, null,
                new FairnessSettings(30, List.of(List.of("sex", "age")), Map.of("age", List.of(25.0, 35.0, 50.0)), "Approval"));
        List<ColumnSpec> specs = List.of(new ColumnSpec("sex", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
                new ColumnSpec("age", ColumnRole.SENSITIVE, ColumnType.NUMERIC),
                new ColumnSpec("approved", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
                new ColumnSpec("repaid", ColumnRole.LABEL, ColumnType.CATEGORICAL),
                new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL));
        String[] binary = {"0", "1"};
        List<Column> columns = List.of(new CategoricalColumn(new String[] {"female", "male", "non-binary"}, sex),
                new NumericColumn(age), new CategoricalColumn(binary, pred), new CategoricalColumn(binary, label),
                new CategoricalColumn(ids, idCodes));
        int keep = ROWS * 4 / 5;
        List<Column> labels = List.of(new CategoricalColumn(Arrays.copyOf(ids, keep), Arrays.copyOf(idCodes, keep)),
                new CategoricalColumn(binary, Arrays.copyOf(truth, keep)));
        List<ColumnSpec> labelSpecs = List.of(new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL),
                new ColumnSpec("repaid", ColumnRole.LABEL, ColumnType.CATEGORICAL));

        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.send("monitoring.batches", model, records(model, batchId, BatchKind.PRODUCTION, spec, specs, columns));
            long sent = System.nanoTime();
            List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results,
                    r -> KafkaTestSupport.text(r.value()).contains(batchId), 1, Duration.ofSeconds(180), Duration.ZERO);
            long received = System.nanoTime();
            assertEquals(1, got.size());
            FairnessResult first = Json.fromBytes(got.get(0).value(), FairnessResult.class);
            assertEquals(ROWS, first.rows());
            System.out.printf("SCALE revision 1: %,d rows, %d attributes, result %.0f ms after the seal was sent: %s%n",
                    ROWS, first.attributes().size(), (received - sent) / 1e6, first.explanation());

            KafkaTestSupport.send("monitoring.batches", model, records(model, "labels-" + batchId, BatchKind.LABELS, spec,
                    labelSpecs, labels));
            sent = System.nanoTime();
            got = KafkaTestSupport.await(results, r -> KafkaTestSupport.text(r.value()).contains(batchId), 1,
                    Duration.ofSeconds(180), Duration.ZERO);
            received = System.nanoTime();
            assertEquals(1, got.size());
            FairnessResult second = Json.fromBytes(got.get(0).value(), FairnessResult.class);
            assertEquals(2, second.revision());
            assertEquals(keep, second.labeledRows());
            System.out.printf("SCALE revision 2: %,d labels joined, result %.0f ms after the seal was sent%n", keep,
                    (received - sent) / 1e6);
        }
    }

    /** Like BatchWriter, but each chunk carries only the categories it uses (ids are all distinct). */
    private static List<BatchRecord> records(String model, String batchId, BatchKind kind, ModelSpec spec,
                                             List<ColumnSpec> specs, List<Column> columns) {
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1, spec, specs,
                Instant.parse("2026-11-21T10:00:00Z"), Instant.now());
        int rows = columns.get(0).size();
        List<BatchRecord> out = new ArrayList<>();
        out.add(header);
        int chunks = 0;
        for (int from = 0; from < rows; from += CHUNK) {
            int to = Math.min(rows, from + CHUNK);
            List<Column> slice = new ArrayList<>();
            for (Column c : columns) {
                slice.add(slice(c, from, to));
            }
            out.add(new DataChunk(batchId, chunks++, from, to - from, slice));
        }
        out.add(new BatchSeal(null, 1, header.eventId() + "-seal", model, batchId, kind, rows, chunks));
        return out;
    }

    private static Column slice(Column column, int from, int to) {
        if (column instanceof NumericColumn n) {
            return new NumericColumn(Arrays.copyOfRange(n.values(), from, to));
        }
        CategoricalColumn c = (CategoricalColumn) column;
        int[] remap = new int[c.dictionary().length];
        Arrays.fill(remap, -1);
        List<String> dictionary = new ArrayList<>();
        int[] codes = new int[to - from];
        for (int i = from; i < to; i++) {
            int code = c.codes()[i];
            if (code >= 0 && remap[code] < 0) {
                remap[code] = dictionary.size();
                dictionary.add(c.dictionary()[code]);
            }
            codes[i - from] = code < 0 ? -1 : remap[code];
        }
        return new CategoricalColumn(dictionary.toArray(String[]::new), codes);
    }
}
