package io.modeltrust.alert.report;

import org.apache.commons.math3.special.Erf;

/**
 * Interval and tests on proportions for the report's pooled fairness figures, written like their Python
 * references (statsmodels proportion_confint wilson, proportions_ztest, scipy fisher_exact) and checked
 * against them in ProportionsTest. The fairness service has the same formulas for one batch; the report
 * applies them to the period's pooled counts, which no result carries.
 */
public final class Proportions {

    /** scipy {@code stats.norm.isf(0.025)}, the 95% two-sided critical value. */
    static final double Z_975 = 1.9599639845400545;
    private static final double Z_975_SQUARED = Z_975 * Z_975;
    /** Pmf values within this relative distance of the observed table's count as ties (as R's fisher.test). */
    private static final double FISHER_TIE_TOLERANCE = 1e-7;

    private Proportions() {
    }

    /** 95% Wilson score interval {low, high}, unclipped, as statsmodels {@code proportion_confint(k, n, method='wilson')}. */
    public static double[] wilson(long count, long nobs) {
        if (nobs <= 0) {
            throw new IllegalArgumentException("nobs must be positive: " + nobs);
        }
        double n = nobs;
        double q = count / n;
        double denom = 1 + Z_975_SQUARED / n;
        double center = (q + Z_975_SQUARED / (2 * n)) / denom;
        double dist = Z_975 * Math.sqrt(q * (1. - q) / n + Z_975_SQUARED / (4. * (n * n))) / denom;
        return new double[] {center - dist, center + dist};
    }

    /** Two-sided pooled two-proportion z-test p-value; NaN when the pooled proportion is 0 or 1. */
    public static double twoProportionZPValue(long count1, long nobs1, long count2, long nobs2) {
        double diff = count1 * 1. / nobs1 - count2 * 1. / nobs2;
        double pooled = (double) (count1 + count2) / (double) (nobs1 + nobs2);
        double z = diff / Math.sqrt(pooled * (1 - pooled) * (1. / nobs1 + 1. / nobs2));
        return Double.isNaN(z) ? Double.NaN : Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** True when some expected count of [[a, b], [c, d]] under independence is below 5: then Fisher, not z. */
    public static boolean anyExpectedBelowFive(long a, long b, long c, long d) {
        double total = a + b + c + d;
        for (long r : new long[] {a + b, c + d}) {
            for (long k : new long[] {a + c, b + d}) {
                if ((double) r * k / total < 5) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Two-sided Fisher exact p-value of [[a, b], [c, d]], as scipy {@code fisher_exact}. */
    public static double fisherExactTwoSided(long a, long b, long c, long d) {
        long row1 = a + b;
        long row2 = c + d;
        long col1 = a + c;
        long total = row1 + row2;
        if (row1 == 0 || row2 == 0 || col1 == 0 || col1 == total) {
            return 1.0;
        }
        long lo = Math.max(0, col1 - row2);
        long hi = Math.min(row1, col1);
        long mode = Math.min(hi, Math.max(lo, (col1 + 1) * (row1 + 1) / (total + 2)));
        // Probabilities relative to the mode by the hypergeometric ratio recurrence: no factorial overflows.
        double[] w = new double[(int) (hi - lo + 1)];
        w[(int) (mode - lo)] = 1.0;
        for (long x = mode; x < hi && w[(int) (x - lo)] != 0; x++) {
            w[(int) (x + 1 - lo)] = w[(int) (x - lo)] * ((double) (row1 - x) * (col1 - x))
                    / ((double) (x + 1) * (row2 - col1 + x + 1));
        }
        for (long x = mode; x > lo && w[(int) (x - lo)] != 0; x--) {
            w[(int) (x - 1 - lo)] = w[(int) (x - lo)] * ((double) x * (row2 - col1 + x))
                    / ((double) (row1 - x + 1) * (col1 - x + 1));
        }
        double observed = w[(int) (a - lo)] * (1 + FISHER_TIE_TOLERANCE);
        double all = 0;
        double asExtreme = 0;
        for (double v : w) {
            all += v;
            if (v <= observed) {
                asExtreme += v;
            }
        }
        return Math.min(1.0, asExtreme / all);
    }

    /** Benjamini–Hochberg adjusted p-values, as statsmodels {@code multipletests(p, method='fdr_bh')}; NaN stays NaN. */
    public static double[] benjaminiHochberg(double[] p) {
        int m = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                m++;
            }
        }
        Integer[] order = new Integer[m];
        int k = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[k++] = i;
            }
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
        double[] out = p.clone();
        double running = 1.0;
        for (int r = m - 1; r >= 0; r--) {
            running = Math.min(running, p[order[r]] * m / (r + 1));
            out[order[r]] = Math.min(1.0, running);
        }
        return out;
    }
}
