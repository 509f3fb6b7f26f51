package io.modeltrust.drift.multivariate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A bounded, seeded sample of a batch's feature rows, standardised with the reference's
 * {@link FeatureEncoding}s (the PCA's preparation), as the domain classifier reads them. The
 * reference's sample is what drift-service keeps of the reference rows when the spec asks for the
 * domain classifier: at most {@link #MAX_ROWS} rows and {@link #MAX_VALUES} values, stored as floats.
 *
 * @param columns one standardised column per feature, in the encodings' order, each of {@code rows} values
 */
public record DomainSample(float[][] columns, int rows) {

    /** The most rows a sample keeps: the AUC's null std at 5,000 against 5,000 rows is 0.006. */
    public static final int MAX_ROWS = 5_000;
    /** The most values (rows × features) a sample keeps, 4 MB stored: a wide model keeps fewer rows. */
    public static final int MAX_VALUES = 1_000_000;
    /** Fixed, so that a redelivered batch, or a restart, draws the same rows. */
    static final long SEED = 0x5EED_D0CAL;

    private static final int MAGIC = 0x4D54_4453; // "MTDS"
    private static final int VERSION = 1;
    private static final int BLOCK = 4096;

    /** The rows a sample of a batch of {@code rows} rows and {@code features} features keeps. */
    public static int sampleRows(int rows, int features) {
        return Math.min(rows, Math.min(MAX_ROWS, MAX_VALUES / Math.max(1, features)));
    }

    /**
     * Draws the sample: all rows when they fit, else {@link #sampleRows} rows without replacement by a
     * seeded partial Fisher–Yates shuffle, read in row order.
     */
    public static DomainSample of(List<FeatureEncoding> encodings, List<MultivariateColumn> columns) {
        if (encodings.size() != columns.size()) {
            throw new IllegalArgumentException("expected " + encodings.size() + " columns, got " + columns.size());
        }
        int rows = columns.isEmpty() ? 0 : columns.get(0).rows();
        int[] picked = pick(rows, sampleRows(rows, columns.size()));
        float[][] out = new float[columns.size()][];
        for (int j = 0; j < columns.size(); j++) {
            FeatureEncoding enc = encodings.get(j);
            MultivariateColumn c = columns.get(j);
            if (c.rows() != rows) {
                throw new IllegalArgumentException(c.name() + " has " + c.rows() + " rows, expected " + rows);
            }
            if (enc.numeric() != c instanceof MultivariateColumn.Numeric) {
                throw new IllegalArgumentException(c.name() + " is " + (enc.numeric() ? "numeric" : "categorical")
                        + " in the reference");
            }
            out[j] = gather(enc.standardise(c), rows, picked);
        }
        return new DomainSample(out, picked.length);
    }

    static int[] pick(int rows, int keep) {
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
        }
        if (keep >= rows) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < keep; i++) {
            int k = i + random.nextInt(rows - i);
            int t = all[i];
            all[i] = all[k];
            all[k] = t;
        }
        int[] picked = Arrays.copyOf(all, keep);
        Arrays.sort(picked);
        return picked;
    }

    private static float[] gather(FeatureEncoding.StandardisedColumn view, int rows, int[] picked) {
        float[] out = new float[picked.length];
        double[] block = new double[BLOCK];
        int p = 0;
        for (int from = 0; from < rows && p < picked.length; from += BLOCK) {
            int len = Math.min(BLOCK, rows - from);
            if (picked[p] >= from + len) {
                continue;
            }
            view.fill(from, len, block);
            while (p < picked.length && picked[p] < from + len) {
                out[p] = (float) block[picked[p] - from];
                p++;
            }
        }
        return out;
    }

    public int features() {
        return columns.length;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 4 * rows * columns.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(columns.length);
            out.writeInt(rows);
            for (float[] column : columns) {
                for (float v : column) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static DomainSample fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not a stored domain sample (version " + VERSION + ")");
            }
            int d = in.readInt();
            int rows = in.readInt();
            float[][] columns = new float[d][rows];
            for (int j = 0; j < d; j++) {
                for (int r = 0; r < rows; r++) {
                    columns[j][r] = in.readFloat();
                }
            }
            return new DomainSample(columns, rows);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated domain sample", e);
        }
    }
}
