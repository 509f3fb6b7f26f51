package io.modeltrust.alert.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The performance section: each task's main metrics against their baseline, the estimate, label coverage. */
final class PerformanceSection {

    /** At most this many metrics are charted: a stakeholder report shows the main ones, the API has the rest. */
    static final int MAX_METRICS = 4;
    private static final Set<String> LOWER_IS_BETTER = Set.of("mae", "rmse", "mape", "logLoss", "brier");

    private PerformanceSection() {
    }

    static List<String> mainMetrics(String task) {
        return switch (task == null ? "" : task) {
            case "regression" -> List.of("mae", "rmse", "r2", "mape");
            case "multiclass_classification" -> List.of("accuracy", "macroF1", "weightedF1", "rocAucOvr");
            default -> List.of("accuracy", "rocAuc", "f1", "precision", "recall", "ks");
        };
    }

    static Report.Performance build(VectorTable t, JsonNode latest) {
        String task = Stats.text(latest, "task");
        List<Report.MetricTrend> metrics = new ArrayList<>();
        for (String m : mainMetrics(task)) {
            if (metrics.size() == MAX_METRICS) {
                break;
            }
            Report.MetricTrend trend = trend(t, latest, m);
            if (trend != null) {
                metrics.add(trend);
            }
        }
        double rows = Stats.sum(t.column("performance.rows"));
        double labeled = Stats.sum(t.column("performance.labeledRows"));
        double[] coverage = t.column("performance.labelCoverage");
        String note = null;
        if (t.size() == 0) {
            note = "No performance result was stored for this period.";
        } else if (labeled == 0) {
            note = "No batch of the period has labels yet: realised metrics are missing and only estimates are shown.";
        }
        return new Report.Performance(task, t.at(), metrics, rows > 0 ? labeled / rows : 0.0, (long) labeled,
                Stats.mean(t.column("performance.labelDelaySeconds")), coverage, note);
    }

    private static Report.MetricTrend trend(VectorTable t, JsonNode latest, String m) {
        double[] values = t.column("performance." + m);
        double[] estimated = t.column("performance.estimated." + m);
        if (!Stats.any(values) && !Stats.any(estimated)) {
            return null;
        }
        double[] low = t.column("performance." + m + ".intervalLow");
        double[] high = t.column("performance." + m + ".intervalHigh");
        Double baseline = Stats.last(t.column("performance." + m + ".baseline"));
        if (baseline == null && latest != null) {
            baseline = Stats.number(latest.path("baseline"), m);
        }
        int worse = 0;
        double errorSum = 0;
        int errorN = 0;
        boolean lowerBetter = LOWER_IS_BETTER.contains(m);
        for (int b = 0; b < values.length; b++) {
            if (baseline != null && !Double.isNaN(low[b]) && !Double.isNaN(high[b])
                    && (lowerBetter ? low[b] > baseline : high[b] < baseline)) {
                worse++;
            }
            if (!Double.isNaN(values[b]) && !Double.isNaN(estimated[b])) {
                errorSum += values[b] - estimated[b];
                errorN++;
            }
        }
        int last = Stats.lastIndex(values);
        return new Report.MetricTrend(m, baseline, Stats.first(values), Stats.last(values), Stats.mean(values),
                Stats.min(values), Stats.max(values), last < 0 || Double.isNaN(low[last]) ? null : low[last],
                last < 0 || Double.isNaN(high[last]) ? null : high[last], Stats.last(estimated),
                errorN == 0 ? null : errorSum / errorN, worse, values, low, high, estimated);
    }

    static boolean lowerIsBetter(String metric) {
        return LOWER_IS_BETTER.contains(metric);
    }
}
