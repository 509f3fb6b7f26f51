package io.modeltrust.performance.rows;

/**
 * Reorders rows by id hash. Stored rows are kept in this order so a labels batch, sorted the same
 * way, joins by a single merge pass and no permutation has to be stored. Every metric is independent
 * of row order (the ranking metrics sort by score themselves).
 */
public final class IdOrder {

    private IdOrder() {
    }

    /** Row indices ordered by key, ties in their original order (stable). */
    public static int[] order(long[] keys) {
        int n = keys.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        // Bottom-up merge sort of primitive indices: stable, no boxing, O(n log n).
        for (int width = 1; width < n; width <<= 1) {
            for (int lo = 0; lo < n; lo += width << 1) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + (width << 1), n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    tmp[k++] = keys[idx[j]] < keys[idx[i]] ? idx[j++] : idx[i++];
                }
                while (i < mid) {
                    tmp[k++] = idx[i++];
                }
                while (j < hi) {
                    tmp[k++] = idx[j++];
                }
            }
            int[] swap = idx;
            idx = tmp;
            tmp = swap;
        }
        return idx;
    }

    public static EvaluationRows sortById(EvaluationRows r) {
        int[] p = order(r.idHashes());
        byte[][] codes = new byte[r.sliceCodes().length][];
        for (int f = 0; f < codes.length; f++) {
            codes[f] = permute(r.sliceCodes()[f], p);
        }
        return new EvaluationRows(r.regression(), r.rows(), permute(r.idHashes(), p),
                r.predictedPositive() == null ? null : permute(r.predictedPositive(), p),
                r.predicted() == null ? null : permute(r.predicted(), p),
                r.score() == null ? null : permute(r.score(), p),
                r.labelState() == null ? null : permute(r.labelState(), p),
                r.labelValue() == null ? null : permute(r.labelValue(), p), codes,
                r.predictedClass() == null ? null : permute(r.predictedClass(), p),
                r.classScores() == null ? null : permute(r.classScores(), p));
    }

    static double[][] permute(double[][] columns, int[] p) {
        double[][] out = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            out[c] = permute(columns[c], p);
        }
        return out;
    }

    static long[] permute(long[] a, int[] p) {
        long[] out = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = a[p[i]];
        }
        return out;
    }

    static double[] permute(double[] a, int[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = a[p[i]];
        }
        return out;
    }

    static byte[] permute(byte[] a, int[] p) {
        byte[] out = new byte[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = a[p[i]];
        }
        return out;
    }

    static boolean[] permute(boolean[] a, int[] p) {
        boolean[] out = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = a[p[i]];
        }
        return out;
    }
}
