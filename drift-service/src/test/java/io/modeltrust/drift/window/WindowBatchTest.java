package io.modeltrust.drift.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.drift.profile.ColumnProfile;
import io.modeltrust.drift.stats.CategoricalReferenceProfile;
import io.modeltrust.drift.stats.NumericReferenceProfile;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is kept of a batch (the cap by a seeded sample) and how kept batches pool. */
class WindowBatchTest {

    private static final List<ColumnSpec> COLUMNS = List.of(new ColumnSpec("x", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("c", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("p", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
            new ColumnSpec("y", ColumnRole.LABEL, ColumnType.CATEGORICAL));

    /** x = row index (NaN every tenth row), c = "even"/"odd" by row, no labels. */
    private static AssembledBatch batch(String id, int rows) {
        double[] x = new double[rows];
        int[] c = new int[rows];
        int[] p = new int[rows];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = i % 10 == 9 ? Double.NaN : i;
            c[i] = i % 2;
            y[i] = -1;
        }
        ModelSpec spec = new ModelSpec(Task.BINARY_CLASSIFICATION, List.of(new FeatureSpec("x", ColumnType.NUMERIC),
                new FeatureSpec("c", ColumnType.CATEGORICAL)), "p", null, "y", "1", null, null, null, null, null, null);
        Instant at = Instant.parse("2026-12-01T10:00:00.123456789Z");
        BatchHeader header = new BatchHeader(null, 1, "e", "m", id, BatchKind.PRODUCTION, 1, 1, spec, COLUMNS, at, at);
        return new AssembledBatch(header, new BatchSeal(null, 1, "s", "m", id, BatchKind.PRODUCTION, rows, 1),
                List.of(new NumericColumn(x), new CategoricalColumn(new String[] {"even", "odd"}, c),
                        new CategoricalColumn(new String[] {"0", "1"}, p), new CategoricalColumn(new String[] {"0", "1"}, y)));
    }

    @Test
    void aSmallBatchIsKeptWholeWithoutAnEmptyLabel() {
        WindowBatch kept = WindowBatch.of(batch("b1", 1000), 5000);
        assertEquals(List.of("x", "c", "p"), List.copyOf(kept.columns().keySet()), "no labels in the batch");
        assertEquals(1000, kept.rows());
        assertEquals(900, kept.columns().get("x").numeric().count());
        assertEquals(1000, kept.columns().get("x").numeric().rowCount());
        assertEquals(Instant.parse("2026-12-01T10:00:00.123456Z"), kept.at(), "microseconds, as the database keeps them");
    }

    @Test
    void aHugeBatchIsKeptAsTheSameSeededSampleInEveryColumn() {
        AssembledBatch huge = batch("big", 50_000);
        WindowBatch kept = WindowBatch.of(huge, 4000);
        WindowBatch again = WindowBatch.of(huge, 4000);
        NumericReferenceProfile x = kept.columns().get("x").numeric();
        assertEquals(50_000, kept.rows(), "the batch's rows as received");
        assertEquals(4000, x.rowCount());
        assertEquals(4000, kept.columns().get("c").categorical().rowCount());
        assertEquals(x, again.columns().get("x").numeric(), "a redelivered batch keeps the same sample");
        assertEquals(kept.columns().get("c").categorical(), again.columns().get("c").categorical());
        // the same rows in every column: the sampled x values are row indices, and c is their parity
        long odd = Arrays.stream(x.sortedValues()).filter(v -> ((long) v) % 2 == 1).count();
        long missingOdd = x.missingCount(); // row 10k+9 is odd and missing
        CategoricalReferenceProfile c = kept.columns().get("c").categorical();
        assertEquals(c.counts()[c.indexOf("odd")], odd + missingOdd);
        // uniform: about a tenth missing and the mean near the middle
        assertEquals(0.1, x.missingShare(), 0.02);
        assertEquals(25_000, x.mean(), 1500);
        assertFalse(Arrays.equals(x.sortedValues(), WindowBatch.of(batch("other", 50_000), 4000).columns().get("x")
                .numeric().sortedValues()), "another batch id draws another sample");
        assertNull(WindowBatch.sample("b", 10, 10));
        int[] s = WindowBatch.sample("b", 10, 3);
        assertEquals(3, s.length);
        assertTrue(s[0] < s[1] && s[1] < s[2] && s[2] < 10, Arrays.toString(s));
    }

    @Test
    void aPoolHoldsAtMostAMillionRowsPerColumn() {
        assertEquals(100_000, WindowBatch.rowsKept(100_000, 1));
        assertEquals(100_000, WindowBatch.rowsKept(100_000, 10));
        assertEquals(20_000, WindowBatch.rowsKept(100_000, 50));
        assertEquals(5_000, WindowBatch.rowsKept(5_000, 50), "the configured cap when it is the smaller");
    }

    @Test
    void poolingOrdersByTimeThenIdAndKeepsTheNewestTypeOfAColumn() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        ColumnProfile numeric = new ColumnProfile("z", ColumnRole.FEATURE, NumericReferenceProfile.of(new double[] {1, 2}), null);
        ColumnProfile numeric2 = new ColumnProfile("z", ColumnRole.FEATURE, NumericReferenceProfile.of(new double[] {5, Double.NaN}),
                null);
        ColumnProfile categorical = new ColumnProfile("z", ColumnRole.FEATURE, null,
                CategoricalReferenceProfile.of(new String[] {"a", "b"}, new int[] {0, 1, 1}));
        PooledWindow w = PooledWindow.pool(List.of(new WindowBatch("b", t, 2, Map.of("z", numeric)),
                new WindowBatch("a", t, 2, Map.of("z", numeric2)),
                new WindowBatch("early", t.minusSeconds(60), 3, Map.of("z", categorical))));
        assertEquals(3, w.batches());
        assertEquals(7, w.rows());
        assertEquals(t.minusSeconds(60), w.from());
        assertEquals(t, w.to());
        ColumnProfile z = w.columns().get("z");
        assertTrue(z.isNumeric(), "the newest batch (b: same time as a, later id) is numeric");
        assertArrayEquals(new double[] {1, 2, 5}, z.numeric().sortedValues());
        assertEquals(4, z.numeric().rowCount(), "the categorical batch is left out, the missing value counted");
        assertTrue(PooledWindow.pool(List.of()).isEmpty());
    }

    @Test
    void pooledCategoriesSumTheirCounts() {
        CategoricalReferenceProfile a = CategoricalReferenceProfile.of(new String[] {"x", "y"}, new int[] {0, 0, 1, -1});
        CategoricalReferenceProfile b = CategoricalReferenceProfile.of(new String[] {"z", "x"}, new int[] {0, 1, 1});
        CategoricalReferenceProfile pooled = CategoricalReferenceProfile.pooled(List.of(a, b));
        assertEquals(List.of("x", "y", "z"), pooled.categories());
        assertArrayEquals(new long[] {4, 1, 1}, pooled.counts());
        assertEquals(7, pooled.rowCount());
        assertEquals(1, pooled.missingCount());
    }
}
