package io.modeltrust.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.window.PooledWindow;
import io.modeltrust.drift.window.WindowBatch;
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
import io.modeltrust.model.event.DriftResult.FeatureDrift;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.DriftSettings;
import io.modeltrust.model.spec.DriftSettings.ReferenceWindow;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The moving reference (docs/metrics.md "Moving reference"): a step between batches is found against
 * the previous batches, a ramp that stays small between neighbours is not, while the fixed reference
 * finds the ramp; pooling is exactly a reference made of the pooled rows; what happens before any
 * previous batch is said, not silent.
 */
public class MovingReferenceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final int ROWS = 2000;
    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("x", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("steady", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("colour", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("approved", ColumnRole.PREDICTION, ColumnType.CATEGORICAL));

    public static DriftSettings settings(String mode, Integer batches) {
        return new DriftSettings(null, null, null, null, null, new ReferenceWindow(mode, batches));
    }

    /** x ~ N(mean, 1), steady ~ N(0, 1), colour 50/30/20 (or 20/30/50 when {@code flipColour}). */
    public static AssembledBatch batch(String id, int day, DriftSettings settings, double mean, boolean flipColour,
                                       int rows) {
        ModelSpec spec = new ModelSpec(Task.BINARY_CLASSIFICATION, List.of(new FeatureSpec("x", ColumnType.NUMERIC),
                new FeatureSpec("steady", ColumnType.NUMERIC), new FeatureSpec("colour", ColumnType.CATEGORICAL)),
                "approved", null, null, "yes", null, null, null, null, settings, null);
        SplittableRandom random = new SplittableRandom(id.hashCode());
        double[] x = new double[rows];
        double[] steady = new double[rows];
        int[] colour = new int[rows];
        int[] approved = new int[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = mean + random.nextGaussian();
            steady[i] = random.nextGaussian();
            double u = random.nextDouble();
            colour[i] = u < 0.5 ? (flipColour ? 2 : 0) : u < 0.8 ? 1 : (flipColour ? 0 : 2);
            approved[i] = random.nextInt(2);
        }
        List<Column> data = List.of(new NumericColumn(x), new NumericColumn(steady),
                new CategoricalColumn(new String[] {"red", "green", "blue"}, colour),
                new CategoricalColumn(new String[] {"yes", "no"}, approved));
        BatchKind kind = id.startsWith("ref") ? BatchKind.REFERENCE : BatchKind.PRODUCTION;
        Instant at = T0.plus(Duration.ofDays(day));
        BatchHeader header = new BatchHeader(null, 1, "e-" + id, "m", id, kind, 1, 1, spec, COLUMNS, at, at);
        return new AssembledBatch(header, new BatchSeal(null, 1, "s-" + id, "m", id, kind, rows, 1), data);
    }

    private static ReferenceProfiles reference() {
        return ReferenceProfiles.of(batch("ref", 0, null, 0, false, 4000));
    }

    /** Batch {@code day} of a sequence, against the previous {@code n} kept batches of it. */
    private static DriftResult run(List<AssembledBatch> sequence, int day, int n) {
        List<WindowBatch> kept = new ArrayList<>();
        for (int i = Math.max(0, day - n); i < day; i++) {
            kept.add(WindowBatch.of(sequence.get(i), WindowBatch.DEFAULT_MAX_ROWS));
        }
        return DriftComputation.compute(sequence.get(day), reference(), PooledWindow.pool(kept), "e", Instant.EPOCH);
    }

    private static FeatureDrift feature(List<FeatureDrift> features, String name) {
        return features.stream().filter(f -> f.feature().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aStepBetweenBatchesIsFoundAgainstThePreviousBatches() {
        // the level sits 1.5 std from the reference all along (a season the fixed reference flags), then steps
        DriftSettings both = settings("both", 3);
        List<AssembledBatch> days = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            days.add(batch("b" + d, d + 1, both, d < 4 ? 1.5 : 2.5, d == 4, ROWS));
        }
        DriftResult calm = run(days, 3, 3);
        assertEquals(DriftResult.REFERENCE_BOTH, calm.referenceMode());
        assertTrue(feature(calm.features(), "x").drifted(), "1.5 std from the fixed reference");
        assertEquals(0, calm.previous().driftedFeatures(), calm.previous().explanation());
        assertFalse(calm.previous().datasetDrift());

        DriftResult step = run(days, 4, 3);
        DriftResult.Previous previous = step.previous();
        assertEquals(3, previous.batches());
        assertEquals(3L * ROWS, previous.rows());
        assertEquals(T0.plus(Duration.ofDays(2)), previous.from());
        assertEquals(T0.plus(Duration.ofDays(4)), previous.to());
        assertTrue(feature(previous.features(), "x").drifted(), previous.explanation());
        assertTrue(feature(previous.features(), "colour").drifted(), previous.explanation());
        assertFalse(feature(previous.features(), "steady").drifted(), previous.explanation());
        assertNotNull(feature(previous.features(), "x").wasserstein());
        assertNotNull(previous.prediction());
        assertEquals(2, previous.driftedFeatures());
        assertEquals(2.0 / 3, previous.driftShare(), 1e-12);
        assertTrue(previous.datasetDrift());
        assertTrue(step.explanation().contains("Against the previous 3 production batches (6000 rows, "
                + "2026-11-03T00:00:00Z to 2026-11-05T00:00:00Z): 2 of 3 features drifted (67%): x, colour; dataset drift."),
                step.explanation());
    }

    @Test
    void aRampStaysWithinNeighboursButTheFixedReferenceFindsIt() {
        // the mean creeps up by 0.1 std per batch: 2 std from the reference after 20 batches
        for (int n : new int[] {1, 3}) {
            DriftSettings previousOnly = settings("previous", n);
            List<AssembledBatch> days = new ArrayList<>();
            for (int d = 0; d <= 20; d++) {
                days.add(batch("ramp" + d, d + 1, previousOnly, 0.1 * d, false, ROWS));
            }
            DriftResult last = run(days, 20, n);
            assertEquals(DriftResult.REFERENCE_PREVIOUS, last.referenceMode());
            assertFalse(feature(last.features(), "x").drifted(), "n=" + n + ": " + last.explanation());
            assertEquals(n, last.previous().batches());
            assertNull(last.previous().features(), "with mode previous the top level is the comparison");
            assertTrue(last.explanation().startsWith("Against the previous "), last.explanation());

            DriftResult fixed = DriftComputation.compute(days.get(20), reference(), null, "e", Instant.EPOCH);
            assertEquals(DriftResult.REFERENCE_FIXED, fixed.referenceMode(), "mode previous without a window");
            assertTrue(feature(fixed.features(), "x").drifted(), fixed.explanation());
            assertTrue(fixed.explanation().startsWith("No previous production batch yet: compared with the fixed "
                    + "reference v1. "), fixed.explanation());
            assertNull(fixed.previous());
        }
    }

    @Test
    void poolingIsAReferenceOfThePooledRows() {
        DriftSettings previous = settings("previous", 3);
        List<AssembledBatch> parts = List.of(batch("p1", 1, previous, 0.0, false, 700),
                batch("p2", 2, previous, 0.3, true, 900), batch("p3", 3, previous, 0.6, false, 400));
        AssembledBatch current = batch("p4", 4, previous, 0.5, false, 1200);
        DriftResult pooled = DriftComputation.compute(current, reference(), PooledWindow.pool(
                parts.stream().map(b -> WindowBatch.of(b, WindowBatch.DEFAULT_MAX_ROWS)).toList()), "e", Instant.EPOCH);
        ReferenceProfiles concatenated = ReferenceProfiles.of(concatenate(parts));
        DriftResult direct = DriftComputation.compute(withMode(current, null), concatenated, "e", Instant.EPOCH);
        for (FeatureDrift d : direct.features()) {
            FeatureDrift p = feature(pooled.features(), d.feature());
            assertEquals(d.statistic(), p.statistic(), 1e-12, d.feature());
            assertEquals(d.pValue(), p.pValue(), 1e-12, d.feature());
            assertEquals(d.adjustedPValue(), p.adjustedPValue(), 1e-12, d.feature());
            assertEquals(d.psi(), p.psi(), 1e-12, d.feature());
            assertEquals(d.jensenShannon(), p.jensenShannon(), 1e-12, d.feature());
            assertEquals(d.hellinger(), p.hellinger(), 1e-12, d.feature());
            assertEquals(d.drifted(), p.drifted(), d.feature());
        }
        assertEquals(direct.prediction().pValue(), pooled.prediction().pValue(), 1e-12);
        assertEquals(2000L, pooled.previous().rows());
    }

    @Test
    void aWindowOfFewerBatchesThanAskedSaysSo() {
        DriftSettings previous = settings("previous", 5);
        AssembledBatch first = batch("f1", 1, previous, 0, false, 500);
        AssembledBatch second = batch("f2", 2, previous, 0, false, 500);
        DriftResult r = DriftComputation.compute(second, reference(),
                PooledWindow.pool(List.of(WindowBatch.of(first, 100_000))), "e", Instant.EPOCH);
        assertTrue(r.explanation().startsWith("Against the previous production batch of the 5 asked (500 rows, "
                + "2026-11-02T00:00:00Z): "), r.explanation());
        DriftResult none = DriftComputation.compute(batch("f3", 3, settings("both", 2), 0, false, 500), reference(),
                PooledWindow.EMPTY, "e", Instant.EPOCH);
        assertEquals(DriftResult.REFERENCE_FIXED, none.referenceMode());
        assertNull(none.previous());
        assertTrue(none.explanation().startsWith("No previous production batch yet, so no comparison with previous "
                + "batches. "), none.explanation());
        DriftResult fixed = DriftComputation.compute(batch("f4", 4, null, 0, false, 500), reference(),
                PooledWindow.pool(List.of(WindowBatch.of(first, 100_000))), "e", Instant.EPOCH);
        assertEquals(DriftResult.REFERENCE_FIXED, fixed.referenceMode(), "a fixed model ignores any window");
        assertNull(fixed.previous());
        assertFalse(fixed.explanation().contains("previous"), fixed.explanation());
    }

    private static AssembledBatch withMode(AssembledBatch b, DriftSettings settings) {
        BatchHeader h = b.header();
        ModelSpec spec = h.model();
        ModelSpec changed = new ModelSpec(spec.task(), spec.features(), spec.prediction(), spec.score(), spec.label(),
                spec.positiveClass(), spec.sensitive(), spec.privileged(), spec.id(), spec.timestamp(), settings,
                spec.fairness());
        return new AssembledBatch(new BatchHeader(null, 1, h.eventId(), h.modelId(), h.batchId(), h.kind(),
                h.modelVersion(), h.referenceVersion(), changed, h.columns(), h.at(), h.receivedAt()), b.seal(), b.columns());
    }

    /** The parts' rows one after another, as one reference upload. */
    private static AssembledBatch concatenate(List<AssembledBatch> parts) {
        int rows = parts.stream().mapToInt(AssembledBatch::rows).sum();
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (parts.get(0).columns().get(c) instanceof NumericColumn) {
                double[] all = new double[rows];
                int at = 0;
                for (AssembledBatch p : parts) {
                    double[] v = ((NumericColumn) p.columns().get(c)).values();
                    System.arraycopy(v, 0, all, at, v.length);
                    at += v.length;
                }
                columns.add(new NumericColumn(all));
            } else {
                int[] all = new int[rows];
                int at = 0;
                for (AssembledBatch p : parts) {
                    int[] v = ((CategoricalColumn) p.columns().get(c)).codes();
                    System.arraycopy(v, 0, all, at, v.length);
                    at += v.length;
                }
                columns.add(new CategoricalColumn(((CategoricalColumn) parts.get(0).columns().get(c)).dictionary(), all));
            }
        }
        BatchHeader h = parts.get(0).header();
        BatchHeader header = new BatchHeader(null, 1, "e-cat", "m", "ref-cat", BatchKind.REFERENCE, 1, 1, h.model(),
                COLUMNS, h.at(), h.at());
        return new AssembledBatch(header, new BatchSeal(null, 1, "s-cat", "m", "ref-cat", BatchKind.REFERENCE, rows, 1),
                columns);
    }
}
