package io.modeltrust.stats;

import org.apache.commons.math3.special.Erf;

/**
 * Interval and tests on proportions, written operation by operation like their Python references
 * so the results agree to the last bits where the reference is a closed form.
 */
public final class ProportionTests {

    /** scipy {@code stats.norm.isf(0.025)}, the 95% two-sided critical value. */
    public static final double Z_975 = 1.9599639845400545;
    private static final double Z_975_SQUARED = Z_975 * Z_975;

    /**
     * Pmf values within this relative distance of the observed table's probability count as ties.
     * scipy uses 1e-14 on Boost's pmf; the recurrence here carries more rounding than that, and a
     * tolerance of 1e-7 (as R's fisher.test) keeps mathematically tied tables tied.
     */
    private static final double FISHER_TIE_TOLERANCE = 1e-7;

    private ProportionTests() {
    }

    /**
     * 95% Wilson score interval, as statsmodels {@code proportion_confint(count, nobs, method='wilson')}
     * (no clipping: for count 0 the lower bound may be a rounding residue around 0).
     *
     * @return {low, high}
     */
    public static double[] wilson(long count, long nobs) {
        if (nobs <= 0) {
            throw new IllegalArgumentException("nobs must be positive: " + nobs);
        }
        double n = nobs;
        double q = count / n;
        double denom = 1 + Z_975_SQUARED / n;
        double center = (q + Z_975_SQUARED / (2 * n)) / denom;
        double dist = Z_975 * Math.sqrt(q * (1. - q) / n + Z_975_SQUARED / (4. * (n * n)));
        dist /= denom;
        return new double[] {center - dist, center + dist};
    }

    /**
     * Two-sided pooled two-proportion z-test, as statsmodels
     * {@code proportions_ztest([count1, count2], [nobs1, nobs2])}; NaN when the pooled proportion is 0 or 1.
     */
    public static double twoProportionZPValue(long count1, long nobs1, long count2, long nobs2) {
        double diff = count1 * 1. / nobs1 - count2 * 1. / nobs2;
        double pooled = (double) (count1 + count2) / (double) (nobs1 + nobs2);
        double nobsFactor = 1. / nobs1 + 1. / nobs2;
        double z = diff / Math.sqrt(pooled * (1 - pooled) * nobsFactor);
        return Double.isNaN(z) ? Double.NaN : 2 * normalSf(Math.abs(z));
    }

    /** Upper tail of the standard normal distribution. */
    public static double normalSf(double x) {
        return 0.5 * Erf.erfc(x / Math.sqrt(2));
    }

    /** True when some expected count of the 2x2 table [[a, b], [c, d]] under independence is below 5. */
    public static boolean anyExpectedBelowFive(long a, long b, long c, long d) {
        double total = a + b + c + d;
        long[] rowSums = {a + b, c + d};
        long[] colSums = {a + c, b + d};
        for (long r : rowSums) {
            for (long k : colSums) {
                if ((double) (r * k) / total < 5) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Two-sided Fisher exact test p-value of [[a, b], [c, d]], as scipy {@code fisher_exact}: the
     * probability, under the hypergeometric law with the table's margins, of the tables no more
     * likely than the observed one.
     */
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
        // Probabilities relative to the mode, by the ratio recurrence of the hypergeometric pmf.
        double[] w = new double[(int) (hi - lo + 1)];
        w[(int) (mode - lo)] = 1.0;
        for (long x = mode; x < hi; x++) {
            double prev = w[(int) (x - lo)];
            if (prev == 0) {
                break;
            }
            w[(int) (x + 1 - lo)] = prev * ((double) (row1 - x) * (col1 - x)) / ((double) (x + 1) * (row2 - col1 + x + 1));
        }
        for (long x = mode; x > lo; x--) {
            double prev = w[(int) (x - lo)];
            if (prev == 0) {
                break;
            }
            w[(int) (x - 1 - lo)] = prev * ((double) x * (row2 - col1 + x)) / ((double) (row1 - x + 1) * (col1 - x + 1));
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
}
