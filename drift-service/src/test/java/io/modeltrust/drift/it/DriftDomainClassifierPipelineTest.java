package io.modeltrust.drift.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.drift.config.DriftServiceConfig;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.profile.ReferenceStore;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.BatchWriter;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.event.DriftResult;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.DriftSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.modeltrust.service.testing.KafkaTestSupport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * Through the real broker and database, with drift.domainClassifier on: a batch whose x1–x2 correlation
 * was broken (each marginal the reference's) gets a drifted domainClassifier part naming x1 and x2, and the
 * reference's sample reads back from the database as a restart would, giving the same result.
 */
@QuarkusTest
class DriftDomainClassifierPipelineTest {

    private static final ModelSpec SPEC = new ModelSpec(Task.BINARY_CLASSIFICATION,
            List.of(new FeatureSpec("x1", ColumnType.NUMERIC), new FeatureSpec("x2", ColumnType.NUMERIC),
                    new FeatureSpec("c1", ColumnType.CATEGORICAL)),
            "pred", null, null, "1", null, null, null, null, new DriftSettings(null, null, null, null, null, true), null);
    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("x1", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("x2", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("c1", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("pred", ColumnRole.PREDICTION, ColumnType.CATEGORICAL));

    @Inject
    EntityManager em;

    @Inject
    DriftServiceConfig config;

    @Test
    void aBrokenCorrelationDriftsTheDomainClassifierAndTheSampleSurvivesARestart() {
        String model = "drift-domain-it-" + System.nanoTime();
        String batchId = UUID.randomUUID().toString();
        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.send("monitoring.batches", model, batch(model, "ref-" + batchId, BatchKind.REFERENCE,
                    data(1, 3000, false)));
            KafkaTestSupport.send("monitoring.batches", model, batch(model, batchId, BatchKind.PRODUCTION,
                    data(2, 2000, true)));
            List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results,
                    r -> KafkaTestSupport.text(r.value()).contains(batchId), 1, Duration.ofSeconds(90), Duration.ZERO);
            assertEquals(1, got.size());
            DriftResult result = Json.fromBytes(got.get(0).value(), DriftResult.class);
            DriftResult.Multivariate d = result.domainClassifier();
            assertNotNull(d, result.explanation());
            assertEquals("domain_classifier", d.method());
            assertTrue(d.drifted() && d.value() > d.upper(), d.toString());
            assertEquals(List.of("x1", "x2"), d.contributors().stream().sorted().toList(), d.toString());
            assertTrue(result.explanation().contains("Domain classifier:"), result.explanation());

            ReferenceProfiles reloaded = QuarkusTransaction.requiringNew().call(() ->
                    new ReferenceStore(em, config).load(model, 1).orElseThrow());
            assertNotNull(reloaded.domainSample(), "the sample is stored with the reference");
            assertEquals(3000, reloaded.domainSample().rows());
            ReferenceProfiles fresh = ReferenceProfiles.of(assembled(model, "ref-" + batchId, data(1, 3000, false)));
            for (int j = 0; j < 3; j++) {
                assertArrayEquals(fresh.domainSample().columns()[j], reloaded.domainSample().columns()[j]);
            }
        }
    }

    /** The reference as drift-service assembled it from the records, to compare the stored sample with. */
    private static AssembledBatch assembled(String model, String batchId, List<Column> columns) {
        int rows = ((NumericColumn) columns.get(0)).values().length;
        return new AssembledBatch(header(model, batchId, BatchKind.REFERENCE),
                new BatchSeal(null, 1, "s-" + batchId, model, batchId, BatchKind.REFERENCE, rows, 1), columns);
    }

    private static BatchHeader header(String model, String batchId, BatchKind kind) {
        return new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1, SPEC, COLUMNS,
                Instant.parse("2026-11-21T10:00:00Z"), Instant.now());
    }

    private static List<BatchRecord> batch(String model, String batchId, BatchKind kind, List<Column> columns) {
        return BatchWriter.records(header(model, batchId, kind), columns, 1500);
    }

    /** x1 ~ N(0,1), x2 = 0.8·x1 + 0.6·N, shuffled when {@code broken}; c1 uniform of three. */
    private static List<Column> data(long seed, int rows, boolean broken) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        int[] c1 = new int[rows];
        int[] pred = new int[rows];
        for (int i = 0; i < rows; i++) {
            x1[i] = gaussian(random);
            x2[i] = 0.8 * x1[i] + 0.6 * gaussian(random);
            c1[i] = random.nextInt(3);
            pred[i] = random.nextInt(2);
        }
        if (broken) {
            for (int i = rows - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                double t = x2[i];
                x2[i] = x2[k];
                x2[k] = t;
            }
        }
        return List.of(new NumericColumn(x1), new NumericColumn(x2), new CategoricalColumn(new String[]{"a", "b", "c"}, c1),
                new CategoricalColumn(new String[]{"0", "1"}, pred));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
