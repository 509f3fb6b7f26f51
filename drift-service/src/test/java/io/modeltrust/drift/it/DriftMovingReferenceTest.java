package io.modeltrust.drift.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.drift.window.ReferenceWindowStore;
import io.modeltrust.drift.window.WindowBatch;
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
import io.modeltrust.model.event.DriftResult;
import io.modeltrust.model.event.DriftResult.FeatureDrift;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.DriftSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.modeltrust.service.testing.KafkaTestSupport;
import io.modeltrust.service.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * The moving reference through the real broker and database: a model on mode both gets a previous
 * section that finds a step the fixed reference calls ordinary, and a model on mode previous is
 * compared with the fixed reference (and says so) until it has a previous batch. The window keeps
 * n + 1 batches, and a batch kept already sees the same window when it is redelivered.
 */
@QuarkusTest
class DriftMovingReferenceTest {

    private static final int ROWS = 3000;
    private static final Instant DAY0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("x", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("c", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("pred", ColumnRole.PREDICTION, ColumnType.CATEGORICAL));

    @Inject
    DataSource dataSource;

    @Inject
    ReferenceWindowStore window;

    private static ModelSpec spec(String mode, int batches) {
        return new ModelSpec(Task.BINARY_CLASSIFICATION, List.of(new FeatureSpec("x", ColumnType.NUMERIC),
                new FeatureSpec("c", ColumnType.CATEGORICAL)), "pred", null, null, "1", null, null, null, null,
                new DriftSettings(null, null, null, null, null, new DriftSettings.ReferenceWindow(mode, batches)), null);
    }

    /** x ~ N(mean, 1); c uniform over a, b, c. */
    private static List<BatchRecord> batch(String model, String batchId, BatchKind kind, ModelSpec spec, int day,
                                           double mean) {
        SplittableRandom random = new SplittableRandom(batchId.hashCode());
        double[] x = new double[ROWS];
        int[] c = new int[ROWS];
        int[] pred = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x[i] = mean + random.nextGaussian();
            c[i] = random.nextInt(3);
            pred[i] = random.nextInt(2);
        }
        List<Column> columns = List.of(new NumericColumn(x), new CategoricalColumn(new String[] {"a", "b", "c"}, c),
                new CategoricalColumn(new String[] {"0", "1"}, pred));
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1, spec,
                COLUMNS, DAY0.plus(Duration.ofDays(day)), Instant.now());
        return BatchWriter.records(header, columns, 1000);
    }

    private static Map<String, DriftResult> await(KafkaConsumer<String, byte[]> results, String model, int count) {
        List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results, r -> model.equals(r.key()), count,
                Duration.ofSeconds(90), Duration.ofSeconds(3));
        Map<String, DriftResult> byBatch = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : got) {
            DriftResult result = Json.fromBytes(r.value(), DriftResult.class);
            assertTrue(byBatch.put(result.batchId(), result) == null, "one result per batch: " + result.batchId());
        }
        assertEquals(count, byBatch.size(), byBatch.keySet().toString());
        return byBatch;
    }

    private static FeatureDrift feature(List<FeatureDrift> features, String name) {
        return features.stream().filter(f -> f.feature().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void modeBothFindsAStepThatTheFixedReferenceCallsOrdinary() {
        String model = "drift-moving-" + System.nanoTime();
        ModelSpec spec = spec("both", 2);
        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            // the reference is centred between the two levels: each is 0.22 std from it (psi about 0.05, under the
            // 0.1 gate), while the step between them is 0.44 std (psi about 0.2)
            KafkaTestSupport.send("monitoring.batches", model, batch(model, "ref", BatchKind.REFERENCE, spec, 0, 0.0));
            for (int day = 1; day <= 4; day++) {
                double mean = day < 4 ? -0.22 : 0.22;
                KafkaTestSupport.send("monitoring.batches", model, batch(model, "b" + day, BatchKind.PRODUCTION, spec,
                        day, mean));
            }
            Map<String, DriftResult> got = await(results, model, 4);
            DriftResult first = got.get("b1");
            assertEquals("fixed", first.referenceMode(), first.explanation());
            assertNull(first.previous());
            assertTrue(first.explanation().startsWith("No previous production batch yet"), first.explanation());

            DriftResult second = got.get("b2");
            assertEquals("both", second.referenceMode());
            assertEquals(1, second.previous().batches());
            assertEquals((long) ROWS, second.previous().rows());

            DriftResult step = got.get("b4");
            assertEquals("both", step.referenceMode());
            assertFalse(feature(step.features(), "x").drifted(), "against the fixed reference: " + step.explanation());
            DriftResult.Previous previous = step.previous();
            assertEquals(2, previous.batches(), "the window is the model's two previous batches");
            assertEquals(2L * ROWS, previous.rows());
            assertEquals(DAY0.plus(Duration.ofDays(2)), previous.from());
            assertEquals(DAY0.plus(Duration.ofDays(3)), previous.to());
            assertTrue(feature(previous.features(), "x").drifted(), previous.explanation());
            assertFalse(feature(previous.features(), "c").drifted(), previous.explanation());
            assertEquals(1, previous.driftedFeatures());
            assertEquals(0.5, previous.driftShare());
            assertTrue(previous.datasetDrift());
            assertTrue(step.explanation().contains("Against the previous 2 production batches (6000 rows, "), step.explanation());

            // n + 1 batches stay; the newest one, redelivered, would see the window it saw
            assertEquals(3, Sql.count(dataSource, "SELECT count(*) FROM reference_window_batches WHERE model_id = ?", model));
            assertEquals(9, Sql.count(dataSource, "SELECT count(*) FROM reference_window WHERE model_id = ?", model),
                    "three columns of each kept batch");
            List<WindowBatch> before = window.before(model, DAY0.plus(Duration.ofDays(4)), "b4", 2);
            assertEquals(List.of("b3", "b2"), before.stream().map(WindowBatch::batchId).toList());

            // a redelivered batch publishes nothing new and keeps the window as it was
            KafkaTestSupport.send("monitoring.batches", model, batch(model, "b4", BatchKind.PRODUCTION, spec, 4, 0.22));
            assertEquals(0, KafkaTestSupport.await(results, r -> model.equals(r.key()), 1, Duration.ofSeconds(8),
                    Duration.ZERO).size());
            assertEquals(3, Sql.count(dataSource, "SELECT count(*) FROM reference_window_batches WHERE model_id = ?", model));
        }
    }

    @Test
    void modePreviousUsesTheFixedReferenceUntilItHasAPreviousBatchAndSaysSo() {
        String model = "drift-previous-" + System.nanoTime();
        ModelSpec spec = spec("previous", 3);
        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.send("monitoring.batches", model, batch(model, "ref", BatchKind.REFERENCE, spec, 0, 0.0));
            // sent out of time order: "previous" is by the batches' time, not by arrival
            KafkaTestSupport.send("monitoring.batches", model, batch(model, "late", BatchKind.PRODUCTION, spec, 2, 2.0));
            KafkaTestSupport.send("monitoring.batches", model, batch(model, "next", BatchKind.PRODUCTION, spec, 3, 2.0));
            Map<String, DriftResult> got = await(results, model, 2);
            DriftResult first = got.get("late");
            assertEquals("fixed", first.referenceMode());
            assertTrue(first.explanation().startsWith("No previous production batch yet: compared with the fixed "
                    + "reference v1. "), first.explanation());
            assertTrue(feature(first.features(), "x").drifted(), "2 std from the fixed reference");

            DriftResult second = got.get("next");
            assertEquals("previous", second.referenceMode());
            assertFalse(feature(second.features(), "x").drifted(), "the same level as the previous batch: "
                    + second.explanation());
            assertEquals(1, second.previous().batches());
            assertNull(second.previous().features(), "the top level is the comparison");
            assertTrue(second.explanation().startsWith("Against the previous production batch of the 3 asked (3000 rows, "
                    + "2026-11-22T00:00:00Z): "), second.explanation());

            KafkaTestSupport.send("monitoring.batches", model, batch(model, "early", BatchKind.PRODUCTION, spec, 1, 0.0));
            DriftResult early = await(results, model, 1).get("early");
            assertEquals("fixed", early.referenceMode(), "no batch is before day 1: " + early.explanation());
        }
    }
}
