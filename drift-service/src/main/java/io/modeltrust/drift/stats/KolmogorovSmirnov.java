package io.modeltrust.drift.stats;

/**
 * Two-sample Kolmogorov-Smirnov test, two-sided, as {@code scipy.stats.ks_2samp(R, P,
 * method='auto')} of scipy 1.10.1: exact lattice-path p-value when max(n1, n2) <= 10,000 (falling
 * back to the asymptotic one where scipy's exact computation fails), otherwise
 * {@code kstwo.sf(D, round(n1*n2/(n1+n2)))}.
 */
public final class KolmogorovSmirnov {

    /** scipy's MAX_AUTO_N. */
    public static final int MAX_EXACT_N = 10000;

    /**
     * @param statistic D; on the exact path this is scipy's h/lcm(n1, n2) (equal to the raw D up
     *                  to rounding)
     * @param pValue    two-sided p-value, clipped to [0, 1]
     * @param exact     whether the exact method produced the p-value
     */
    public record Result(double statistic, double pValue, boolean exact) {
    }

    private KolmogorovSmirnov() {
    }

    /**
     * D = sup |F1 - F2| by one linear merge; ECDFs are evaluated after consuming every copy of a
     * value on both sides, so ties only contribute at distinct values.
     *
     * @param sorted1 ascending, NaN-free, non-empty
     * @param sorted2 ascending, NaN-free, non-empty
     */
    public static double statistic(double[] sorted1, double[] sorted2) {
        int n1 = sorted1.length;
        int n2 = sorted2.length;
        int i = 0;
        int j = 0;
        double maxDiff = 0.0;
        double minDiff = 0.0;
        while (i < n1 || j < n2) {
            double v;
            if (j >= n2 || (i < n1 && sorted1[i] <= sorted2[j])) {
                v = sorted1[i];
            } else {
                v = sorted2[j];
            }
            while (i < n1 && sorted1[i] <= v) {
                i++;
            }
            while (j < n2 && sorted2[j] <= v) {
                j++;
            }
            double diff = (double) i / n1 - (double) j / n2;
            if (diff > maxDiff) {
                maxDiff = diff;
            } else if (diff < minDiff) {
                minDiff = diff;
            }
        }
        double minS = Math.min(Math.max(-minDiff, 0), 1);
        return minS > maxDiff ? minS : maxDiff;
    }

    /** Statistic and p-value; both inputs ascending, NaN-free and non-empty. */
    public static Result test(double[] sorted1, double[] sorted2) {
        if (sorted1.length == 0 || sorted2.length == 0) {
            throw new IllegalArgumentException("ks_2samp needs two non-empty samples");
        }
        return fromStatistic(statistic(sorted1, sorted2), sorted1.length, sorted2.length);
    }

    /** The p-value half of {@link #test}, for a statistic computed elsewhere. */
    public static Result fromStatistic(double d, int n1, int n2) {
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            KsExact.Attempt attempt = KsExact.attempt(n1, n2, d);
            if (attempt.success()) {
                return new Result(attempt.d(), clip(attempt.prob()), true);
            }
            d = attempt.d();
        }
        return new Result(d, clip(asymptoticPValue(d, n1, n2)), false);
    }

    /** {@code kstwo.sf(d, round(m*n/(m+n)))} with m >= n, as scipy orders them. */
    static double asymptoticPValue(double d, int n1, int n2) {
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = m * n / (m + n);
        return KolmogorovDistribution.sf(d, (long) Math.rint(en));
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, 0.0), 1.0);
    }
}
