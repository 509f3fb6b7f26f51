package io.modeltrust.drift.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Pearson chi-square test of homogeneity on a 2 x k table, as
 * {@code scipy.stats.chi2_contingency(table, correction=False)}.
 */
public final class ChiSquareTest {

    /** @param dof k - 1; scipy reports statistic 0 and p 1 when dof is 0 (a single category) */
    public record Result(double statistic, double pValue, int dof) {
    }

    private ChiSquareTest() {
    }

    /**
     * @param reference  counts per category, row 1
     * @param production counts per category, row 2, same category order
     * @throws IllegalArgumentException when lengths differ, a count is negative, or an expected
     *                                  frequency is zero (an empty row or an all-zero column), as
     *                                  scipy raises
     */
    public static Result homogeneity(long[] reference, long[] production) {
        int k = reference.length;
        if (production.length != k || k == 0) {
            throw new IllegalArgumentException("both rows need the same, non-zero number of categories");
        }
        long rowR = 0;
        long rowP = 0;
        for (int c = 0; c < k; c++) {
            if (reference[c] < 0 || production[c] < 0) {
                throw new IllegalArgumentException("negative count");
            }
            rowR += reference[c];
            rowP += production[c];
        }
        long total = rowR + rowP;
        // scipy sums the flattened table row by row; keep that order
        double[] expectedR = new double[k];
        double[] expectedP = new double[k];
        for (int c = 0; c < k; c++) {
            long col = reference[c] + production[c];
            expectedR[c] = (double) (rowR * col) / total;
            expectedP[c] = (double) (rowP * col) / total;
            if (expectedR[c] == 0 || expectedP[c] == 0) {
                throw new IllegalArgumentException("expected frequency is zero for category " + c);
            }
        }
        double statistic = 0.0;
        for (int c = 0; c < k; c++) {
            double d = reference[c] - expectedR[c];
            statistic += d * d / expectedR[c];
        }
        for (int c = 0; c < k; c++) {
            double d = production[c] - expectedP[c];
            statistic += d * d / expectedP[c];
        }
        int dof = k - 1;
        if (dof == 0) {
            return new Result(0.0, 1.0, 0);
        }
        return new Result(statistic, chiSquareSf(statistic, dof), dof);
    }

    /** Upper tail of the chi-square distribution, {@code scipy.stats.chi2.sf(x, dof)}. */
    public static double chiSquareSf(double x, int dof) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(dof / 2.0, x / 2.0, 1e-15, 100000);
    }
}
