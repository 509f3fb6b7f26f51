package io.modeltrust.drift.multivariate;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The row loops, run over blocks of rows so that each step is a tight loop over one primitive
 * array (which the JIT vectorises) and no standardised copy of a whole batch is ever held.
 * Segments of {@link #SEGMENT} rows run in parallel and are added up in segment order, so the
 * result does not depend on the number of cores.
 */
final class BlockKernel {

    static final int BLOCK = 2048;
    static final int SEGMENT = 32 * BLOCK;

    private BlockKernel() {
    }

    /** Σ z_j·z_k over all rows (upper triangle filled, then mirrored). */
    static double[][] crossProducts(List<FeatureEncoding.StandardisedColumn> columns, int rows) {
        int d = columns.size();
        List<double[][]> parts = IntStream.range(0, segments(rows)).parallel()
                .mapToObj(s -> crossProducts(columns, s * SEGMENT, Math.min(rows, (s + 1) * SEGMENT))).toList();
        double[][] sums = new double[d][d];
        for (double[][] part : parts) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    sums[j][k] += part[j][k];
                }
            }
        }
        return sums;
    }

    private static int segments(int rows) {
        return Math.max(1, (rows + SEGMENT - 1) / SEGMENT);
    }

    private static double[][] crossProducts(List<FeatureEncoding.StandardisedColumn> columns, int start, int end) {
        int d = columns.size();
        double[][] z = new double[d][BLOCK];
        double[][] sums = new double[d][d];
        for (int from = start; from < end; from += BLOCK) {
            int len = Math.min(BLOCK, end - from);
            for (int j = 0; j < d; j++) {
                columns.get(j).fill(from, len, z[j]);
            }
            for (int j = 0; j < d; j++) {
                for (int k = j; k < d; k++) {
                    sums[j][k] += dot(z[j], z[k], len);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < j; k++) {
                sums[j][k] = sums[k][j];
            }
        }
        return sums;
    }

    private static double dot(double[] a, double[] b, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < len; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Reconstruction errors of every row.
     *
     * @param components k × d, orthonormal rows
     * @param chunkEnds  exclusive end row of each chunk, ascending, the last one = rows
     * @return per chunk the sum of row errors, and per column the sum of squared errors
     */
    static Errors errors(List<FeatureEncoding.StandardisedColumn> columns, int rows, double[][] components,
                         int[] chunkEnds) {
        List<Errors> parts = IntStream.range(0, segments(rows)).parallel()
                .mapToObj(s -> errors(columns, s * SEGMENT, Math.min(rows, (s + 1) * SEGMENT), components, chunkEnds))
                .toList();
        double[] chunkSums = new double[chunkEnds.length];
        double[] squared = new double[columns.size()];
        for (Errors part : parts) {
            for (int c = 0; c < chunkSums.length; c++) {
                chunkSums[c] += part.chunkSums()[c];
            }
            for (int j = 0; j < squared.length; j++) {
                squared[j] += part.squared()[j];
            }
        }
        return new Errors(chunkSums, squared);
    }

    private static Errors errors(List<FeatureEncoding.StandardisedColumn> columns, int start, int end,
                                 double[][] components, int[] chunkEnds) {
        int d = columns.size();
        int k = components.length;
        double[][] z = new double[d][BLOCK];
        double[][] t = new double[k][BLOCK];
        double[] e = new double[BLOCK];
        double[] rowSq = new double[BLOCK];
        double[] squared = new double[d];
        double[] chunkSums = new double[chunkEnds.length];
        int chunk = 0;
        for (int from = start; from < end; from += BLOCK) {
            int len = Math.min(BLOCK, end - from);
            for (int j = 0; j < d; j++) {
                columns.get(j).fill(from, len, z[j]);
            }
            for (int c = 0; c < k; c++) {
                double[] tc = t[c];
                java.util.Arrays.fill(tc, 0, len, 0.0);
                for (int j = 0; j < d; j++) {
                    axpy(components[c][j], z[j], tc, len);
                }
            }
            java.util.Arrays.fill(rowSq, 0, len, 0.0);
            for (int j = 0; j < d; j++) {
                System.arraycopy(z[j], 0, e, 0, len);
                for (int c = 0; c < k; c++) {
                    axpy(-components[c][j], t[c], e, len);
                }
                double sq = 0;
                for (int i = 0; i < len; i++) {
                    double v = e[i] * e[i];
                    rowSq[i] += v;
                    sq += v;
                }
                squared[j] += sq;
            }
            for (int i = 0; i < len; i++) {
                while (from + i >= chunkEnds[chunk]) {
                    chunk++;
                }
                chunkSums[chunk] += Math.sqrt(rowSq[i]);
            }
        }
        return new Errors(chunkSums, squared);
    }

    private static void axpy(double a, double[] x, double[] y, int len) {
        for (int i = 0; i < len; i++) {
            y[i] += a * x[i];
        }
    }

    /** @param chunkSums sum of row errors per chunk; @param squared sum of squared errors per column */
    record Errors(double[] chunkSums, double[] squared) {
    }
}
