package io.modeltrust.performance.metrics;

/**
 * A two-sided 95% confidence interval.
 *
 * @param lower  lower bound
 * @param upper  upper bound
 * @param method how it was computed: "wilson", "delong", "delta" or "bootstrap-percentile"
 *               (with a subsample note above 100,000 rows, see {@link RegressionBootstrap})
 */
public record Interval(double lower, double upper, String method) {
}
