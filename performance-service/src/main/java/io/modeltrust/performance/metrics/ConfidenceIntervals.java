package io.modeltrust.performance.metrics;

/** Closed-form 95% intervals. */
public final class ConfidenceIntervals {

    /** scipy.stats.norm.isf(0.025), written out so Java and SciPy use the identical critical value. */
    public static final double Z95 = 1.9599639845400545;

    private ConfidenceIntervals() {
    }

    /**
     * Wilson score interval for a proportion, as statsmodels 0.13
     * {@code proportion_confint(successes, n, alpha=0.05, method='wilson')}; no clipping is needed
     * because the Wilson bounds always lie in [0, 1].
     *
     * @return null when n = 0
     */
    public static Interval wilson(long successes, long n) {
        if (n <= 0) {
            return null;
        }
        double q = (double) successes / n;
        double nobs = n;
        double crit2 = Z95 * Z95;
        double denom = 1 + crit2 / nobs;
        double center = (q + crit2 / (2 * nobs)) / denom;
        double dist = Z95 * Math.sqrt(q * (1. - q) / nobs + crit2 / (4. * nobs * nobs));
        dist /= denom;
        return new Interval(center - dist, center + dist, "wilson");
    }
}
