package io.modeltrust.drift.it;

import io.modeltrust.service.testing.KafkaTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.drift.config.DriftServiceConfig;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.profile.ReferenceStore;
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
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Through the real broker and database: a reference and a production batch in which two features
 * were shifted on purpose yield one result naming exactly those two as drifted; a redelivered batch
 * publishes nothing new; a poison record goes to the dead-letter topic and consumption goes on. The
 * reference's reconstruction model is stored and read back as a restart would.
 */
@QuarkusTest
class DriftPipelineTest {

    @Inject
    EntityManager em;

    @Inject
    DriftServiceConfig config;

    private static final int ROWS = 4000;
    private static final ModelSpec SPEC = new ModelSpec(Task.BINARY_CLASSIFICATION,
            List.of(new FeatureSpec("x1", ColumnType.NUMERIC), new FeatureSpec("x2", ColumnType.NUMERIC),
                    new FeatureSpec("c1", ColumnType.CATEGORICAL), new FeatureSpec("c2", ColumnType.CATEGORICAL)),
            "pred", null, "y", "1", null, null, null, null, null, null);
    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("x1", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("x2", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("c1", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("c2", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("pred", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
            new ColumnSpec("y", ColumnRole.LABEL, ColumnType.CATEGORICAL));

    private static List<Column> data(long seed, double x1Shift, double c1Skew) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x1 = new double[ROWS];
        double[] x2 = new double[ROWS];
        int[] c1 = new int[ROWS];
        int[] c2 = new int[ROWS];
        int[] pred = new int[ROWS];
        int[] y = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x1[i] = 50_000 + 10_000 * gaussian(random) + 10_000 * x1Shift;
            x2[i] = gaussian(random);
            c1[i] = random.nextDouble() < c1Skew ? 0 : random.nextInt(4);
            c2[i] = random.nextInt(3);
            pred[i] = random.nextInt(2);
            y[i] = -1;
        }
        String[] cats = {"car", "house", "education", "other"};
        return List.of(new NumericColumn(x1), new NumericColumn(x2), new CategoricalColumn(cats, c1),
                new CategoricalColumn(new String[]{"a", "b", "c"}, c2), new CategoricalColumn(new String[]{"0", "1"}, pred),
                new CategoricalColumn(new String[]{"0", "1"}, y));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static List<BatchRecord> batch(String model, String batchId, BatchKind kind, List<Column> columns) {
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1, SPEC,
                COLUMNS, Instant.parse("2026-11-21T10:00:00Z"), Instant.now());
        return BatchWriter.records(header, columns, 1500);
    }

    @Test
    void namesExactlyTheShiftedFeaturesAndIgnoresRedelivery() {
        String model = "drift-it-" + System.nanoTime();
        String batchId = UUID.randomUUID().toString();
        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.send("monitoring.batches", model, batch(model, "ref-" + batchId, BatchKind.REFERENCE, data(1, 0, 0)));
            List<BatchRecord> production = batch(model, batchId, BatchKind.PRODUCTION, data(2, 1.0, 0.5));
            KafkaTestSupport.send("monitoring.batches", model, production);
            KafkaTestSupport.send("monitoring.batches", model, production);
            List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results,
                    r -> KafkaTestSupport.text(r.value()).contains(batchId), 1, Duration.ofSeconds(60), Duration.ofSeconds(4));
            assertEquals(1, got.size(), "one result per batch, even when the batch is delivered twice");
            assertEquals(model, got.get(0).key());
            DriftResult result = Json.fromBytes(got.get(0).value(), DriftResult.class);
            Set<String> drifted = result.features().stream().filter(DriftResult.FeatureDrift::drifted)
                    .map(DriftResult.FeatureDrift::feature).collect(Collectors.toSet());
            assertEquals(Set.of("x1", "c1"), drifted, result.explanation());
            assertEquals(0.5, result.driftShare());
            assertTrue(result.datasetDrift());
            DriftResult.FeatureDrift x1 = result.features().get(0);
            assertEquals("ks", x1.test());
            assertNotNull(x1.wasserstein());
            assertNotNull(x1.explanation());
            assertEquals(3, x1.details().topBins().size());
            assertEquals("chi2", result.features().get(2).test());
            assertEquals(null, result.features().get(2).wasserstein());
            assertNotNull(result.prediction());
            assertEquals(null, result.label(), "no labels in the batch, so no label drift");
            assertEquals(6, result.dataQuality().size() + 1, "features and prediction have data quality; the empty label does not");
            assertEquals(1, result.revision());
            DriftResult.Multivariate multivariate = result.multivariate();
            assertNotNull(multivariate, "four features: the reference got a reconstruction model");
            assertEquals("pca_reconstruction", multivariate.method());
            assertTrue(multivariate.lower() < multivariate.upper() && multivariate.value() > 0, multivariate.toString());
            // What a restart sees: a store with an empty cache reads the model back from the database.
            ReferenceProfiles reloaded = QuarkusTransaction.requiringNew().call(() ->
                    new ReferenceStore(em, config).load(model, 1).orElseThrow());
            assertEquals(List.of("x1", "x2", "c1", "c2"), reloaded.multivariate().featureNames());
            assertEquals(multivariate.upper(), reloaded.multivariate().upper());
        }
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndConsumptionContinues() {
        String model = "drift-poison-" + System.nanoTime();
        String batchId = UUID.randomUUID().toString();
        try (KafkaConsumer<String, byte[]> dlq = KafkaTestSupport.tail("monitoring.dlq");
             KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.sendRaw("monitoring.batches", model, "this is not a batch record".getBytes(StandardCharsets.UTF_8));
            KafkaTestSupport.send("monitoring.batches", model, batch(model, "ref-" + batchId, BatchKind.REFERENCE, data(3, 0, 0)));
            KafkaTestSupport.send("monitoring.batches", model, batch(model, batchId, BatchKind.PRODUCTION, data(4, 0, 0)));
            List<ConsumerRecord<String, byte[]>> dead = KafkaTestSupport.await(dlq, r -> model.equals(r.key()), 1,
                    Duration.ofSeconds(60), Duration.ZERO);
            assertEquals(1, dead.size());
            Header reason = dead.get(0).headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the dead letter says why");
            List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results,
                    r -> KafkaTestSupport.text(r.value()).contains(batchId), 1, Duration.ofSeconds(60), Duration.ZERO);
            assertEquals(1, got.size(), "the next batch is still analysed");
            DriftResult result = Json.fromBytes(got.get(0).value(), DriftResult.class);
            assertEquals(0, result.driftedFeatures(), "two samples of one distribution: nothing drifts");
            assertEquals(false, result.multivariate().drifted(), result.multivariate().toString());
        }
    }
}
