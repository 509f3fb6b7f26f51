package io.modeltrust.drift.window;

import io.modeltrust.drift.profile.ColumnProfile;
import io.modeltrust.drift.profile.ColumnRows;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the moving reference keeps of one production batch: the profile of each profiled column, as
 * the fixed reference keeps it (sorted values, category counts), with no row ids. {@code rows} is the
 * batch's row count as received; a batch of more than {@code maxRows} rows is profiled from a sample of
 * {@code maxRows} of its rows, the same rows in every column, drawn with a seed of the batch id, so a
 * redelivered batch keeps the same sample.
 */
public record WindowBatch(String batchId, Instant at, long rows, Map<String, ColumnProfile> columns) {

    /** The default of drift.window-rows-per-batch. */
    public static final int DEFAULT_MAX_ROWS = 100_000;
    /** The most rows a pool of n batches holds per column: as many as a million-row reference profile. */
    public static final int MAX_POOLED_ROWS = 1_000_000;

    /** Rows kept of each batch of a window of {@code n}: {@code maxRows}, less when n of them would pass the pool's cap. */
    public static int rowsKept(int maxRows, int n) {
        return Math.max(1, Math.min(maxRows, MAX_POOLED_ROWS / Math.max(1, n)));
    }

    public static WindowBatch of(AssembledBatch batch, int maxRows) {
        int[] sample = sample(batch.batchId(), (int) batch.rows(), maxRows);
        Map<String, ColumnProfile> columns = new LinkedHashMap<>();
        for (ColumnSpec spec : batch.header().columns()) {
            if (!ReferenceProfiles.PROFILED.contains(spec.role())) {
                continue;
            }
            Column column = batch.column(spec.name()).orElseThrow();
            ColumnProfile profile = profile(spec, column, sample);
            // a batch without labels says nothing about the label distribution
            if (spec.role() != ColumnRole.LABEL || hasValues(profile)) {
                columns.put(spec.name(), profile);
            }
        }
        return new WindowBatch(batch.batchId(), atOf(batch), batch.rows(), columns);
    }

    /**
     * The batch time the window is ordered by: {@code at}, else when ingest received it; in microseconds,
     * as the database keeps it, so a batch compares equal to its stored self.
     */
    public static Instant atOf(AssembledBatch batch) {
        Instant at = batch.header().at();
        return (at != null ? at : batch.header().receivedAt()).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Ascending row indices of a uniform sample without replacement of {@code maxRows} of {@code rows}
     * rows (selection sampling, Knuth's algorithm S), or null when every row is kept.
     */
    static int[] sample(String batchId, int rows, int maxRows) {
        if (rows <= maxRows) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed(batchId));
        int[] out = new int[maxRows];
        int taken = 0;
        for (int i = 0; i < rows && taken < maxRows; i++) {
            if ((rows - i) * random.nextDouble() < maxRows - taken) {
                out[taken++] = i;
            }
        }
        return out;
    }

    /** String.hashCode is specified, so the seed is the same on every JVM. */
    private static long seed(String batchId) {
        long h = 1125899906842597L;
        for (int i = 0; i < batchId.length(); i++) {
            h = 31 * h + batchId.charAt(i);
        }
        return h;
    }

    private static ColumnProfile profile(ColumnSpec spec, Column column, int[] sample) {
        return ColumnProfile.of(spec.name(), spec.role(), sample == null ? column : ColumnRows.subset(column, sample));
    }

    private static boolean hasValues(ColumnProfile p) {
        return p.isNumeric() ? p.numeric().count() > 0 : p.categorical().count() > 0;
    }
}
