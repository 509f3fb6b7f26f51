package io.modeltrust.alert.rules;

/**
 * Whether a value is statistically significant, where the result says: a fairness group's figure
 * when the group's p-value, Benjamini–Hochberg adjusted across the batch's groups where the result
 * carries that, is below alpha; a performance change from baseline when the metric's 95%
 * interval excludes the baseline value (for the absolute and the relative change alike). Null means the result carries no such information, and a
 * rule that requires significance then ignores the requirement.
 */
public final class Significance {

    private static final String CHANGE = ".changeFromBaseline";
    private static final String RELATIVE = ".relativeChange";

    private Significance() {
    }

    public static Boolean of(MetricPath path, Snapshot values, double alpha) {
        if (path.section() == Section.FAIRNESS_GROUP) {
            // Adjusted across every group of the batch: many small groups would otherwise throw up a "significant" one.
            Double adjusted = values.value(path.withField("adjustedPValue"));
            Double p = adjusted != null ? adjusted : values.value(path.withField("pValue"));
            return p == null ? null : p < alpha;
        }
        String change = path.field().endsWith(CHANGE) ? CHANGE : path.field().endsWith(RELATIVE) ? RELATIVE : null;
        if (path.section() == Section.PERFORMANCE && change != null) {
            String metric = path.field().substring(0, path.field().length() - change.length());
            Double low = values.value(path.withField(metric + ".intervalLow"));
            Double high = values.value(path.withField(metric + ".intervalHigh"));
            Double baseline = baseline(path, metric, values);
            if (low == null || high == null || baseline == null) {
                return null;
            }
            return baseline < low || baseline > high;
        }
        return null;
    }

    private static Double baseline(MetricPath path, String metric, Snapshot values) {
        Double baseline = values.value(path.withField(metric + ".baseline"));
        if (baseline != null) {
            return baseline;
        }
        Double current = values.value(path.withField(metric));
        Double change = values.value(path);
        return current == null || change == null ? null : current - change;
    }
}
