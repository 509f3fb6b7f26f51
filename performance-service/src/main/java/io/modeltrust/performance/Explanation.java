package io.modeltrust.performance;

import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.model.spec.Task;
import io.modeltrust.performance.metrics.SliceFinding;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-sentence summary of a performance result, e.g. "Accuracy 0.712 (95% CI 0.686–0.737;
 * n=1,204 labelled, 40% coverage) against baseline 0.840: down 0.128, beyond the 95% interval; worst
 * slice income &gt; 52800: 52.0% on 310 rows against 85.1% in the reference." A multiclass result also
 * names its macro F1 after its accuracy, e.g. "; macro F1 0.641 (95% CI 0.610–0.672) against baseline
 * 0.790: down 0.149, beyond the 95% interval".
 */
final class Explanation {

    private Explanation() {
    }

    static String sentence(Task task, long rows, long labeled, double coverage, Map<String, Double> metrics,
                           Map<String, Double> baseline, Map<String, PerformanceResult.Interval> intervals,
                           Estimate estimate, List<SliceFinding> worst) {
        boolean regression = task == Task.REGRESSION;
        boolean multiclass = task == Task.MULTICLASS_CLASSIFICATION;
        String key = regression ? "mae" : "accuracy";
        String name = regression ? "MAE" : "Accuracy";
        Double base = baseline.get(key);
        Double now = metrics.get(key);
        StringBuilder s = new StringBuilder();
        if (labeled == 0 || now == null) {
            s.append(String.format(Locale.ROOT, "No labels yet for %,d rows", rows));
            Double guess = estimate.estimated() == null ? null : estimate.estimated().get("accuracy");
            Double guessBase = estimate.baseline() == null ? null : estimate.baseline().get("accuracy");
            if (guess != null) {
                // CBPE's limit belongs next to its figure: a reader of the sentence alone must see it.
                s.append("; estimated accuracy ").append(number(guess))
                        .append(" (confidence-based on calibrated scores; assumes no concept drift)");
                if (guessBase != null) {
                    appendChange(s, guess, guessBase, null, " against the reference's estimate ");
                }
                if (multiclass) {
                    appendMacroF1(s, "; estimated macro F1 ", estimate.estimated(), estimate.baseline(), null,
                            " against the reference's estimate ");
                }
            } else {
                s.append(": realised performance waits for them");
                if (estimate.note() != null) {
                    s.append("; ").append(estimate.note());
                }
            }
            return s.append('.').toString();
        }
        PerformanceResult.Interval ci = intervals.get(key);
        s.append(name).append(' ').append(number(now)).append(" (");
        appendInterval(s, ci);
        s.append(String.format(Locale.ROOT, "n=%,d labelled, %.0f%% coverage)", labeled, 100 * coverage));
        appendBaseline(s, now, base, ci);
        if (multiclass) {
            appendMacroF1(s, "; macro F1 ", metrics, baseline, intervals.get("macroF1"), " against baseline ");
        }
        if (!worst.isEmpty()) {
            SliceFinding w = worst.get(0);
            s.append("; worst slice ").append(w.slice()).append(": ")
                    .append(sliceValue(regression, w.batchValue()))
                    .append(String.format(Locale.ROOT, " on %,d rows against ", w.batchRows()))
                    .append(sliceValue(regression, w.referenceValue())).append(" in the reference");
        }
        return s.append('.').toString();
    }

    /** Macro F1 beside accuracy: with several classes, accuracy alone hides a class that is always missed. */
    private static void appendMacroF1(StringBuilder s, String lead, Map<String, Double> values,
                                      Map<String, Double> baseline, PerformanceResult.Interval ci, String against) {
        Double now = values == null ? null : values.get("macroF1");
        if (now == null) {
            return;
        }
        s.append(lead).append(number(now));
        if (ci != null) {
            s.append(" (95% CI ").append(number(ci.low())).append('–').append(number(ci.high())).append(')');
        }
        Double base = baseline == null ? null : baseline.get("macroF1");
        if (base != null) {
            appendChange(s, now, base, ci, against);
        }
    }

    private static void appendInterval(StringBuilder s, PerformanceResult.Interval ci) {
        if (ci != null) {
            s.append("95% CI ").append(number(ci.low())).append('–').append(number(ci.high())).append("; ");
        }
    }

    private static void appendBaseline(StringBuilder s, double now, Double base, PerformanceResult.Interval ci) {
        if (base == null) {
            s.append("; no baseline (the reference has no labels)");
            return;
        }
        appendChange(s, now, base, ci, " against baseline ");
    }

    private static void appendChange(StringBuilder s, double now, double base, PerformanceResult.Interval ci,
                                     String against) {
        double delta = now - base;
        s.append(against).append(number(base)).append(": ");
        if (delta == 0) {
            s.append("unchanged");
            return;
        }
        s.append(delta < 0 ? "down " : "up ").append(number(Math.abs(delta)));
        if (ci != null && (base < ci.low() || base > ci.high())) {
            s.append(", beyond the 95% interval");
        }
    }

    /**
     * The estimate as the sentence needs it.
     *
     * @param estimated estimated metrics, null when nothing is estimated
     * @param baseline  the reference's own estimate, null when there is none
     * @param note      why nothing is estimated, or the estimator's assumption
     */
    record Estimate(Map<String, Double> estimated, Map<String, Double> baseline, String note) {
    }

    /** Three decimals for figures of order one, else four significant digits. */
    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 0.01 && a < 10) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        if (v == 0 || !Double.isFinite(v)) {
            return String.valueOf(v == 0 ? "0" : v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
        return a >= 1e-4 && a < 1e15 ? d.toPlainString() : d.toString();
    }

    private static String sliceValue(boolean regression, double v) {
        return regression ? "MAE " + number(v) : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
