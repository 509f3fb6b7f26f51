package io.modeltrust.drift.stats;

import io.modeltrust.stats.CompensatedSum;
import org.apache.commons.math3.special.Gamma;

/**
 * Tests of homogeneity on a 2 x k table: Pearson's chi-square, as
 * {@code scipy.stats.chi2_contingency(table, correction=False)}, and the G-test (log-likelihood
 * ratio), as {@code chi2_contingency(table, correction=False, lambda_="log-likelihood")}. Both
 * refer the statistic to chi-square with k - 1 degrees of freedom.
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
        double[][] expected = expected(reference, production);
        int k = reference.length;
        double statistic = 0.0;
        for (int c = 0; c < k; c++) {
            double d = reference[c] - expected[0][c];
            statistic += d * d / expected[0][c];
        }
        for (int c = 0; c < k; c++) {
            double d = production[c] - expected[1][c];
            statistic += d * d / expected[1][c];
        }
        return result(statistic, k - 1);
    }

    /**
     * G = 2 Σ O ln(O / E) over both rows (an empty cell adds 0, as scipy's xlogy), same table and
     * errors as {@link #homogeneity}.
     */
    public static Result gTest(long[] reference, long[] production) {
        double[][] expected = expected(reference, production);
        // the terms have both signs and nearly cancel for close rows: sum them compensated
        CompensatedSum sum = new CompensatedSum();
        long[][] observed = {reference, production};
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < reference.length; c++) {
                long o = observed[r][c];
                if (o != 0) {
                    sum.add(2.0 * (o * Math.log(o / expected[r][c])));
                }
            }
        }
        return result(sum.value(), reference.length - 1);
    }

    private static Result result(double statistic, int dof) {
        if (dof == 0) {
            return new Result(0.0, 1.0, 0);
        }
        return new Result(statistic, chiSquareSf(statistic, dof), dof);
    }

    /** Row total x column total / grand total per cell, as scipy's expected_freq. */
    private static double[][] expected(long[] reference, long[] production) {
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
        double[][] expected = new double[2][k];
        for (int c = 0; c < k; c++) {
            long col = reference[c] + production[c];
            expected[0][c] = (double) (rowR * col) / total;
            expected[1][c] = (double) (rowP * col) / total;
            if (expected[0][c] == 0 || expected[1][c] == 0) {
                throw new IllegalArgumentException("expected frequency is zero for category " + c);
            }
        }
        return expected;
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
