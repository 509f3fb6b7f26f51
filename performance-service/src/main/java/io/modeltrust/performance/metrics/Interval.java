package io.modeltrust.performance.metrics;

/**
 * A two-sided 95% confidence interval.
 *
 * @param lower  lower bound
 * @param upper  upper bound
 * @param method how it was computed: "wilson", "delong" or "normal"
 */
public record Interval(double lower, double upper, String method) {
}
