package io.modeltrust.service.testing;

import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.batch.BatchWriter;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A small binary credit model with ids, a score and a sensitive sex column, for tests that need a batch
 * every metric service accepts: references carry labels, production batches do not (they wait for them).
 */
public final class ClassifierBatches {

    public static final ModelSpec SPEC = new ModelSpec(Task.BINARY_CLASSIFICATION,
            List.of(new FeatureSpec("income", ColumnType.NUMERIC), new FeatureSpec("sex", ColumnType.CATEGORICAL)),
            "approved", "score", "repaid", "1", List.of("sex"), Map.of("sex", "male"), "application_id", null, null,
            null);
    static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("income", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("sex", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("approved", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
            new ColumnSpec("score", ColumnRole.SCORE, ColumnType.NUMERIC),
            new ColumnSpec("repaid", ColumnRole.LABEL, ColumnType.CATEGORICAL),
            new ColumnSpec("application_id", ColumnRole.ID, ColumnType.CATEGORICAL));
    private static final int ROWS = 400;

    private ClassifierBatches() {
    }

    public static List<BatchRecord> of(String model, String batchId, BatchKind kind, Instant receivedAt) {
        SplittableRandom random = new SplittableRandom(batchId.hashCode());
        double[] income = new double[ROWS];
        int[] sex = new int[ROWS];
        int[] approved = new int[ROWS];
        double[] score = new double[ROWS];
        int[] repaid = new int[ROWS];
        String[] ids = new String[ROWS];
        int[] idCodes = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            income[i] = 20_000 + 60_000 * random.nextDouble();
            sex[i] = random.nextInt(2);
            score[i] = random.nextDouble();
            approved[i] = score[i] > 0.5 ? 1 : 0;
            repaid[i] = kind == BatchKind.REFERENCE ? (random.nextDouble() < score[i] ? 1 : 0) : -1;
            ids[i] = batchId + "-" + i;
            idCodes[i] = i;
        }
        BatchHeader header = new BatchHeader(null, 1, UUID.randomUUID().toString(), model, batchId, kind, 1, 1, SPEC,
                COLUMNS, Instant.parse("2026-11-21T10:00:00Z"), receivedAt);
        return BatchWriter.records(header, List.of(new NumericColumn(income),
                new CategoricalColumn(new String[]{"female", "male"}, sex),
                new CategoricalColumn(new String[]{"0", "1"}, approved), new NumericColumn(score),
                new CategoricalColumn(new String[]{"0", "1"}, repaid), new CategoricalColumn(ids, idCodes)), 1000);
    }
}
