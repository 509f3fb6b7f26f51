package io.modeltrust.drift.stats;

import io.modeltrust.drift.DriftComputation;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
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
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole drift computation of one batch as drift-service runs it ({@link DriftComputation#compute}):
 * univariate tests of 20 features, the PCA reconstruction check and, with segments, the 10 segments of
 * cat1, on DriftBench's 1,000,000 reference and 1,000,000 production rows. Prints the median of the
 * computation without segments (the baseline) and with them, the reference profiling with segments,
 * and the peak heap.
 */
public final class FullDriftBench {

    private FullDriftBench() {
    }

    public static void main(String[] args) {
        ModelSpec plain = spec(null);
        ModelSpec segmented = spec(List.of("cat1"));
        AssembledBatch reference = batch(BatchKind.REFERENCE, segmented, false);
        long t0 = System.nanoTime();
        ReferenceProfiles profiles = ReferenceProfiles.of(reference);
        double profileMs = (System.nanoTime() - t0) / 1e6;
        AssembledBatch withoutSegments = batch(BatchKind.PRODUCTION, plain, true);
        AssembledBatch withSegments = new AssembledBatch(header(BatchKind.PRODUCTION, segmented), withoutSegments.seal(),
                withoutSegments.columns());
        double baseline = DriftBench.medianMillis(() -> DriftComputation.compute(withoutSegments, profiles, "e",
                Instant.EPOCH), 2, 5);
        double full = DriftBench.medianMillis(() -> DriftComputation.compute(withSegments, profiles, "e", Instant.EPOCH), 2, 5);
        DriftResult r = DriftComputation.compute(withSegments, profiles, "e", Instant.EPOCH);
        System.out.printf(Locale.ROOT, "segments compared: %d (%d skipped), features per segment: %d, drifted pairs: %d%n",
                r.segments().size(), r.segmentsSkipped(), r.segments().get(0).features().size(),
                r.segments().stream().mapToInt(DriftResult.SegmentDrift::driftedFeatures).sum());
        System.out.printf(Locale.ROOT, "multivariate value %.4f band [%.4f, %.4f]%n", r.multivariate().value(),
                r.multivariate().lower(), r.multivariate().upper());
        System.out.printf(Locale.ROOT, "reference profiles with 10 segments and the PCA fit (1M rows): %.0f ms%n", profileMs);
        System.out.printf(Locale.ROOT, "drift without segments (univariate + multivariate): median %.0f ms%n", baseline);
        System.out.printf(Locale.ROOT, "full drift total (univariate + multivariate + 10 segments): median %.0f ms%n", full);
        System.out.printf(Locale.ROOT, "peak heap used: %.0f MB (-Xmx %d MB)%n", peakHeapMb(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static ModelSpec spec(List<String> segments) {
        List<FeatureSpec> features = new ArrayList<>();
        for (int f = 0; f < DriftBench.NUMERIC; f++) {
            features.add(new FeatureSpec("num" + f, ColumnType.NUMERIC));
        }
        for (int c = 0; c < DriftBench.CATEGORICAL; c++) {
            features.add(new FeatureSpec("cat" + c, ColumnType.CATEGORICAL));
        }
        return new ModelSpec(Task.BINARY_CLASSIFICATION, features, "pred", null, null, null, null, null, null, null,
                new DriftSettings(null, null, null, null, null, null, 10), null, null, null, segments);
    }

    private static BatchHeader header(BatchKind kind, ModelSpec spec) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (FeatureSpec f : spec.features()) {
            columns.add(new ColumnSpec(f.name(), ColumnRole.FEATURE, f.type()));
        }
        return new BatchHeader(null, 1, "e", "bench", kind.name(), kind, 1, 1, spec, columns, Instant.EPOCH, Instant.EPOCH);
    }

    private static AssembledBatch batch(BatchKind kind, ModelSpec spec, boolean production) {
        List<Column> data = new ArrayList<>();
        for (int f = 0; f < DriftBench.NUMERIC; f++) {
            data.add(new NumericColumn(DriftBench.numeric(f, production)));
        }
        for (int c = 0; c < DriftBench.CATEGORICAL; c++) {
            int k = DriftBench.CATEGORY_COUNTS[c];
            String[] dictionary = new String[production ? k + 1 : k];
            for (int i = 0; i < k; i++) {
                dictionary[production ? k - 1 - i : i] = "cat" + c + "_" + i;
            }
            if (production) {
                dictionary[k] = "cat" + c + "_new";
            }
            data.add(new CategoricalColumn(dictionary, DriftBench.categorical(c, k, production)));
        }
        return new AssembledBatch(header(kind, spec), new BatchSeal(null, 1, "s", "bench", kind.name(), kind,
                DriftBench.ROWS, 1), data);
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1048576.0;
    }
}
