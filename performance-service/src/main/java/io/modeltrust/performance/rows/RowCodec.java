package io.modeltrust.performance.rows;

import io.modeltrust.model.spec.Task;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Packs evaluation rows into the bytea columns of pending_predictions and back, little-endian:
 * id hashes 8 bytes/row; binary predictions as a bitset, multiclass predictions as class codes
 * 1 byte/row (−1 = none), regression predictions as float64; scores float64 (kept at full precision, so
 * realised metrics after the join equal those on the original data), for multiclass k columns of
 * float64 one after the other in class order (class c, row i is value c·rows + i); classification label
 * states 1 byte/row (binary −1/0/1, multiclass −1 or the class code), regression labels float64; slice
 * codes as 4-bit nibbles, feature-major (feature f, row i is nibble f·rows + i; low nibble first).
 */
public final class RowCodec {

    private RowCodec() {
    }

    /** The packed columns of one batch. */
    public record Packed(byte[] idHashes, byte[] predictions, byte[] scores, byte[] labels, byte[] sliceBins,
                         int sliceFeatures) {

        public long bytes() {
            return idHashes.length + predictions.length + (scores == null ? 0 : scores.length) + labels.length
                    + sliceBins.length;
        }
    }

    public static Packed pack(EvaluationRows r) {
        if (r.idHashes() == null) {
            throw new IllegalArgumentException("rows without ids cannot wait for labels");
        }
        if (r.multiclass()) {
            return new Packed(longs(r.idHashes()), r.predictedClass().clone(),
                    r.classScores() == null ? null : columns(r.classScores(), r.rows()), packLabels(r),
                    nibbles(r.sliceCodes(), r.rows()), r.sliceCodes().length);
        }
        byte[] predictions = r.regression() ? doubles(r.predicted()) : bits(r.predictedPositive());
        return new Packed(longs(r.idHashes()), predictions, r.score() == null ? null : doubles(r.score()),
                packLabels(r), nibbles(r.sliceCodes(), r.rows()), r.sliceCodes().length);
    }

    public static byte[] packLabels(EvaluationRows r) {
        return r.regression() ? doubles(r.labelValue()) : r.labelState().clone();
    }

    /**
     * Rows of any task. A multiclass batch's class count is its stored scores' size over its rows (the
     * metrics check it against the model's classes).
     */
    public static EvaluationRows unpack(Task task, int rows, Packed p) {
        if (task != Task.MULTICLASS_CLASSIFICATION) {
            return unpack(task == Task.REGRESSION, rows, p);
        }
        double[][] scores = null;
        if (p.scores() != null && rows > 0) {
            long perClass = 8L * rows;
            if (p.scores().length % perClass != 0) {
                throw new IllegalStateException("stored scores have " + p.scores().length + " bytes, not a whole "
                        + "number of columns of " + rows + " rows");
            }
            scores = toColumns(p.scores(), (int) (p.scores().length / perClass), rows);
        }
        return EvaluationRows.multiclass(rows, toLongs(p.idHashes(), rows), check(p.predictions(), rows).clone(),
                scores, check(p.labels(), rows).clone(), fromNibbles(p.sliceBins(), p.sliceFeatures(), rows));
    }

    /** Binary classification or regression rows. */
    public static EvaluationRows unpack(boolean regression, int rows, Packed p) {
        long[] ids = toLongs(p.idHashes(), rows);
        boolean[] predictedPositive = regression ? null : fromBits(p.predictions(), rows);
        double[] predicted = regression ? toDoubles(p.predictions(), rows) : null;
        double[] score = p.scores() == null ? null : toDoubles(p.scores(), rows);
        byte[] labelState = regression ? null : check(p.labels(), rows).clone();
        double[] labelValue = regression ? toDoubles(p.labels(), rows) : null;
        return new EvaluationRows(regression, rows, ids, predictedPositive, predicted, score, labelState, labelValue,
                fromNibbles(p.sliceBins(), p.sliceFeatures(), rows));
    }

    /** Only the id hashes, for the cheap first pass of a join. */
    public static long[] unpackIds(byte[] idHashes) {
        return toLongs(idHashes, idHashes.length / 8);
    }

    static byte[] longs(long[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(a);
        return b.array();
    }

    static long[] toLongs(byte[] bytes, int n) {
        check(bytes, n * 8);
        long[] out = new long[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    static byte[] doubles(double[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(a);
        return b.array();
    }

    static double[] toDoubles(byte[] bytes, int n) {
        check(bytes, n * 8);
        double[] out = new double[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    static byte[] columns(double[][] columns, int rows) {
        ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(Math.multiplyExact(columns.length, rows), 8))
                .order(ByteOrder.LITTLE_ENDIAN);
        java.nio.DoubleBuffer d = b.asDoubleBuffer();
        for (double[] column : columns) {
            d.put(column);
        }
        return b.array();
    }

    static double[][] toColumns(byte[] bytes, int classes, int rows) {
        check(bytes, Math.multiplyExact(Math.multiplyExact(classes, rows), 8));
        java.nio.DoubleBuffer d = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        double[][] out = new double[classes][rows];
        for (double[] column : out) {
            d.get(column);
        }
        return out;
    }

    static byte[] bits(boolean[] a) {
        byte[] out = new byte[(a.length + 7) >>> 3];
        for (int i = 0; i < a.length; i++) {
            if (a[i]) {
                out[i >>> 3] |= (byte) (1 << (i & 7));
            }
        }
        return out;
    }

    static boolean[] fromBits(byte[] bytes, int n) {
        check(bytes, (n + 7) >>> 3);
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = (bytes[i >>> 3] & (1 << (i & 7))) != 0;
        }
        return out;
    }

    static byte[] nibbles(byte[][] codes, int rows) {
        long total = (long) codes.length * rows;
        byte[] out = new byte[(int) ((total + 1) >>> 1)];
        long k = 0;
        for (byte[] feature : codes) {
            for (int i = 0; i < rows; i++, k++) {
                int code = feature[i] & 0x0f;
                int at = (int) (k >>> 1);
                out[at] |= (byte) ((k & 1) == 0 ? code : code << 4);
            }
        }
        return out;
    }

    static byte[][] fromNibbles(byte[] bytes, int features, int rows) {
        check(bytes, (int) (((long) features * rows + 1) >>> 1));
        byte[][] out = new byte[features][rows];
        long k = 0;
        for (int f = 0; f < features; f++) {
            for (int i = 0; i < rows; i++, k++) {
                int b = bytes[(int) (k >>> 1)];
                out[f][i] = (byte) ((k & 1) == 0 ? b & 0x0f : (b >>> 4) & 0x0f);
            }
        }
        return out;
    }

    private static byte[] check(byte[] bytes, int expected) {
        if (bytes.length != expected) {
            throw new IllegalStateException("stored column has " + bytes.length + " bytes, expected " + expected);
        }
        return bytes;
    }
}
