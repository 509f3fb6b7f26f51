package io.modeltrust.performance.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Change of one metric from its baseline.
 *
 * @param metric         docs/metrics.md name, e.g. "rocAuc"
 * @param current        value on the batch
 * @param baseline       value on the baseline (reference data or an earlier window)
 * @param absoluteChange current − baseline
 * @param relativeChange (current − baseline) / |baseline|; null when the baseline is 0
 */
public record MetricChange(String metric, double current, double baseline, double absoluteChange,
                           Double relativeChange) {

    public static MetricChange of(String metric, double current, double baseline) {
        double delta = current - baseline;
        Double relative = baseline == 0.0 ? null : delta / Math.abs(baseline);
        return new MetricChange(metric, current, baseline, delta, relative);
    }

    /**
     * One change per metric present in both maps, in the order of {@code current} (use
     * {@code ClassificationMetrics.asMap()}, {@code RegressionMetrics.asMap()} or
     * {@code EstimatedPerformance.asMap()}). Null values are skipped.
     */
    public static List<MetricChange> compare(Map<String, Double> current, Map<String, Double> baseline) {
        List<MetricChange> changes = new ArrayList<>();
        for (Map.Entry<String, Double> e : current.entrySet()) {
            Double base = baseline.get(e.getKey());
            if (e.getValue() != null && base != null) {
                changes.add(of(e.getKey(), e.getValue(), base));
            }
        }
        return changes;
    }
}
