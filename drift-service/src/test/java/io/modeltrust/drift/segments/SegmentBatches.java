package io.modeltrust.drift.segments;

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
import io.modeltrust.model.spec.DriftSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A binary model with features income, age (numeric) and channel (categorical), segmented by region
 * (a categorical feature: east 40%, west 35%, north 20%, south 5%). A batch may shift income inside
 * one region only, by {@code shift} standard deviations.
 */
public final class SegmentBatches {

    static final String[] REGIONS = {"east", "west", "north", "south"};
    static final double[] REGION_SHARES = {0.40, 0.35, 0.20, 0.05};

    private SegmentBatches() {
    }

    static ModelSpec spec(Integer minSegmentRows, Integer maxSegments) {
        return spec(minSegmentRows, maxSegments, List.of("region"));
    }

    static ModelSpec spec(Integer minSegmentRows, Integer maxSegments, List<String> segments) {
        return new ModelSpec(Task.BINARY_CLASSIFICATION, List.of(new FeatureSpec("income", ColumnType.NUMERIC),
                new FeatureSpec("age", ColumnType.NUMERIC), new FeatureSpec("channel", ColumnType.CATEGORICAL),
                new FeatureSpec("region", ColumnType.CATEGORICAL)), "approved", null, null, null, null, null, null, null,
                new DriftSettings(null, null, null, null, null, minSegmentRows, maxSegments), null, null, null,
                segments);
    }

    static AssembledBatch reference(int rows) {
        return batch(BatchKind.REFERENCE, "ref", 1, rows, null, 0, spec(null, null));
    }

    /** A production batch; {@code shiftedRegion} (or null) gets income moved by {@code shift} SDs. */
    static AssembledBatch production(long seed, int rows, String shiftedRegion, double shift, ModelSpec spec) {
        return batch(BatchKind.PRODUCTION, "b" + seed, seed, rows, shiftedRegion, shift, spec);
    }

    private static AssembledBatch batch(BatchKind kind, String id, long seed, int rows, String shiftedRegion,
                                        double shift, ModelSpec spec) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] income = new double[rows];
        double[] age = new double[rows];
        int[] channel = new int[rows];
        int[] region = new int[rows];
        int[] approved = new int[rows];
        int shifted = shiftedRegion == null ? -1 : List.of(REGIONS).indexOf(shiftedRegion);
        for (int i = 0; i < rows; i++) {
            double u = random.nextDouble();
            int r = 0;
            for (double acc = REGION_SHARES[0]; u > acc && r < REGIONS.length - 1; acc += REGION_SHARES[++r]) {
                // walks to the region whose cumulative share covers u
            }
            region[i] = r;
            // regions differ in income, so a segment's reference is not the whole reference
            income[i] = 40 + 10 * r + 8 * gaussian(random) + (r == shifted ? shift * 8 : 0);
            age[i] = 20 + 45 * random.nextDouble();
            channel[i] = random.nextDouble() < 0.6 ? 0 : random.nextInt(1, 3);
            approved[i] = random.nextDouble() < 0.5 ? 1 : 0;
        }
        List<ColumnSpec> columns = List.of(new ColumnSpec("income", ColumnRole.FEATURE, ColumnType.NUMERIC),
                new ColumnSpec("age", ColumnRole.FEATURE, ColumnType.NUMERIC),
                new ColumnSpec("channel", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
                new ColumnSpec("region", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
                new ColumnSpec("approved", ColumnRole.PREDICTION, ColumnType.CATEGORICAL));
        List<Column> data = List.of(new NumericColumn(income), new NumericColumn(age),
                new CategoricalColumn(new String[] {"web", "branch", "phone"}, channel),
                new CategoricalColumn(REGIONS.clone(), region),
                new CategoricalColumn(new String[] {"0", "1"}, approved));
        BatchHeader header = new BatchHeader(null, 1, "e-" + id, "m", id, kind, 1, 1, spec, columns, Instant.EPOCH,
                Instant.EPOCH);
        return new AssembledBatch(header, new BatchSeal(null, 1, "s-" + id, "m", id, kind, rows, 1), data);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
