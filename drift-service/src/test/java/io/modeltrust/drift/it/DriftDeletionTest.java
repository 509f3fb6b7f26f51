package io.modeltrust.drift.it;

import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchWriter;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.DriftSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.modeltrust.service.testing.DeletionContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * drift-service deletes results, reference profiles, the reconstruction model, the domain classifier's
 * reference sample, the segment profiles and the kept batches of the moving reference on monitoring.control
 * (DeletionContract); the spec asks for the domain classifier, a segment and the previous batches too, so that
 * there is something of each to delete.
 */
@QuarkusTest
class DriftDeletionTest extends DeletionContract {

    private static final int ROWS = 300;
    private static final ModelSpec SPEC = new ModelSpec(Task.BINARY_CLASSIFICATION,
            List.of(new FeatureSpec("x1", ColumnType.NUMERIC), new FeatureSpec("c1", ColumnType.CATEGORICAL)),
            "pred", null, null, "1", null, null, null, null,
            new DriftSettings(null, null, null, null, null, 10, null, true, new DriftSettings.ReferenceWindow("both", 3)),
            null, null, null, List.of("c1"));
    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("x1", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("c1", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("pred", ColumnRole.PREDICTION, ColumnType.CATEGORICAL));

    @Inject
    DataSource dataSource;

    @Override
    protected List<BatchRecord> reference(String model, String batchId, Instant receivedAt) {
        return records(model, batchId, BatchKind.REFERENCE, receivedAt);
    }

    @Override
    protected List<BatchRecord> production(String model, String batchId, Instant receivedAt) {
        return records(model, batchId, BatchKind.PRODUCTION, receivedAt);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected List<String> modelTables() {
        return List.of("results", "reference_profiles", "reference_multivariate", "reference_domain_sample",
                "reference_segments", "reference_window", "reference_window_batches");
    }

    @Override
    protected List<String> batchTables() {
        return List.of("results", "reference_window", "reference_window_batches");
    }

    private static List<BatchRecord> records(String model, String batchId, BatchKind kind, Instant receivedAt) {
        SplittableRandom random = new SplittableRandom(batchId.hashCode());
        double[] x1 = new double[ROWS];
        int[] c1 = new int[ROWS];
        int[] pred = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x1[i] = random.nextDouble();
            c1[i] = random.nextInt(3);
            pred[i] = random.nextInt(2);
        }
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1, SPEC,
                COLUMNS, Instant.parse("2026-11-21T10:00:00Z"), receivedAt);
        return BatchWriter.records(header, List.of(new NumericColumn(x1),
                new CategoricalColumn(new String[]{"a", "b", "c"}, c1),
                new CategoricalColumn(new String[]{"0", "1"}, pred)), 1000);
    }
}
