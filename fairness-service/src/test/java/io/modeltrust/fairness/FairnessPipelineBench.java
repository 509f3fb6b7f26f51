package io.modeltrust.fairness;

import io.modeltrust.fairness.labels.LabelSet;
import io.modeltrust.fairness.labels.PendingPredictions;
import io.modeltrust.fairness.metrics.FairnessReport;
import io.modeltrust.model.Json;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FairnessSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The wired path on the data of {@code metrics.FairnessBench} (1,000,000 rows, sex with missing
 * values, age bucketed by [25, 35, 50] with NaN, their intersection), as an assembled batch with
 * an id column: column extraction + engine + event mapping + JSON, packing for delayed labels, and
 * a label revision (join 800,000 labels, unpack, recompute). Median of 15 runs after 5 warm-ups.
 *
 * <p>Run: mvn -pl fairness-service test-compile, then
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.modeltrust.fairness.FairnessPipelineBench
 */
public final class FairnessPipelineBench {

    static final int ROWS = 1_000_000;

    public static void main(String[] args) {
        SplittableRandom rnd = new SplittableRandom(20240611L);
        String[] sexes = {"female", "male", "non-binary"};
        int[] sex = new int[ROWS];
        double[] age = new double[ROWS];
        int[] pred = new int[ROWS];
        int[] label = new int[ROWS];
        String[] ids = new String[ROWS];
        int[] idCodes = new int[ROWS];
        int[] truth = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double u = rnd.nextDouble();
            sex[i] = u < 0.02 ? -1 : u < 0.47 ? 0 : u < 0.99 ? 1 : 2;
            age[i] = rnd.nextDouble() < 0.01 ? Double.NaN : Math.floor(18 + 62 * rnd.nextDouble());
            double rate = 0.30 + (sex[i] == 1 ? 0.12 : 0) + (Double.isNaN(age[i]) ? 0 : (age[i] - 18) / 400);
            pred[i] = rnd.nextDouble() < rate ? 1 : 0;
            truth[i] = rnd.nextDouble() < 0.8 ? pred[i] : 1 - pred[i];
            label[i] = -1;
            ids[i] = "app-" + i;
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
        List<Column> columns = List.of(new CategoricalColumn(sexes, sex), new NumericColumn(age),
                new CategoricalColumn(binary, pred), new CategoricalColumn(binary, label), new CategoricalColumn(ids, idCodes));
        BatchHeader header = new BatchHeader(null, 1, "e", "bench", "b", BatchKind.PRODUCTION, 1, 1, spec, specs,
                Instant.EPOCH, Instant.EPOCH);
        AssembledBatch batch = new AssembledBatch(header, new BatchSeal(null, 1, "s", "bench", "b", BatchKind.PRODUCTION,
                ROWS, 1), columns);

        int keep = ROWS * 4 / 5;
        String[] labelIds = Arrays.copyOf(ids, keep);
        int[] labelValues = Arrays.copyOf(truth, keep);
        List<ColumnSpec> labelSpecs = List.of(new ColumnSpec("id", ColumnRole.ID, ColumnType.CATEGORICAL),
                new ColumnSpec("repaid", ColumnRole.LABEL, ColumnType.CATEGORICAL));
        BatchHeader labelHeader = new BatchHeader(null, 1, "e", "bench", "l", BatchKind.LABELS, 1, 1, spec, labelSpecs,
                Instant.EPOCH, Instant.EPOCH);
        AssembledBatch labels = new AssembledBatch(labelHeader, new BatchSeal(null, 1, "s", "bench", "l", BatchKind.LABELS,
                keep, 1), List.of(new CategoricalColumn(labelIds, Arrays.copyOf(idCodes, keep)),
                new CategoricalColumn(binary, labelValues)));

        FairnessReport baseline = FairnessComputation.baseline(FairnessInputs.of(batch), spec);
        FairnessComputation.Meta meta = new FairnessComputation.Meta("e", "bench", "b", 1, 1, Instant.EPOCH, Instant.EPOCH);
        long[][] times = new long[5][20];
        String json = null;
        String revisionJson = null;
        int packedBytes = 0;
        for (int r = 0; r < 20; r++) {
            long t0 = System.nanoTime();
            FairnessInputs inputs = FairnessInputs.of(batch);
            long t1 = System.nanoTime();
            FairnessComputation.Computed computed = FairnessComputation.compute(inputs, spec, baseline, meta);
            json = Json.toString(computed.result());
            long t2 = System.nanoTime();
            PendingPredictions packed = PendingPredictions.pack(inputs);
            long t3 = System.nanoTime();
            packedBytes = packed.idHashes().length + packed.groupCodes().length + packed.predictions().length
                    + packed.labels().length;
            // a labels batch arrives: build the label set, join, unpack, recompute
            LabelSet set = LabelSet.of(labels);
            byte[] state = packed.labels().clone();
            set.applyTo(PendingPredictions.hashes(packed.idHashes()), state, "1");
            FairnessInputs back = PendingPredictions.unpack(ROWS, packed.idHashes(), packed.groupCodes(),
                    packed.predictions(), state, packed.attributesJson());
            revisionJson = Json.toString(FairnessComputation.compute(back, spec, baseline, meta).result());
            long t4 = System.nanoTime();
            times[0][r] = t1 - t0;
            times[1][r] = t2 - t1;
            times[2][r] = t2 - t0;
            times[3][r] = t3 - t2;
            times[4][r] = t4 - t3;
        }
        String[] names = {"extract columns", "engine + mapping + JSON", "revision 1 total (compute time)",
                "pack for delayed labels", "label revision (join 800k labels, unpack, recompute)"};
        System.out.printf("FairnessPipelineBench: %,d rows, sex + age(bucketed) + sex|age, median of 15 runs after 5 warm-ups%n", ROWS);
        for (int k = 0; k < names.length; k++) {
            long[] m = Arrays.copyOfRange(times[k], 5, 20);
            Arrays.sort(m);
            System.out.printf("  %-55s %8.1f ms (min %.1f, max %.1f)%n", names[k], m[m.length / 2] / 1e6, m[0] / 1e6,
                    m[m.length - 1] / 1e6);
        }
        System.out.printf("  packed pending row: %,d bytes; event JSON %,d bytes (revision with labels %,d bytes)%n",
                packedBytes, json.length(), revisionJson.length());
        System.out.println("  " + Json.fromString(json, io.modeltrust.model.event.FairnessResult.class).explanation());
    }
}
