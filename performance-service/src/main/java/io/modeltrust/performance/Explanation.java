package io.modeltrust.performance;

import io.modeltrust.model.event.PerformanceResult;
import io.modeltrust.performance.metrics.SliceFinding;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-sentence summary of a performance result, e.g. "Accuracy 0.712 (95% CI 0.686–0.737;
 * n=1,204 labelled, 40% coverage) against baseline 0.840: down 0.128, beyond the 95% interval; worst
 * slice income &gt; 52800: 52.0% on 310 rows against 85.1% in the reference."
 */
final class Explanation {

    private Explanation() {
    }

    static String sentence(boolean regression, long rows, long labeled, double coverage, Map<String, Double> metrics,
                           Map<String, Double> baseline, Map<String, PerformanceResult.Interval> intervals,
                           Map<String, Double> estimated, List<SliceFinding> worst) {
        String key = regression ? "mae" : "accuracy";
        String name = regression ? "MAE" : "Accuracy";
        Double base = baseline.get(key);
        Double now = metrics.get(key);
        StringBuilder s = new StringBuilder();
        if (labeled == 0 || now == null) {
            s.append(String.format(Locale.ROOT, "No labels yet for %,d rows", rows));
            Double guess = estimated == null ? null : estimated.get("accuracy");
            if (guess != null) {
                s.append("; estimated accuracy ").append(number(guess)).append(" (confidence-based)");
                appendBaseline(s, guess, base, null);
            } else {
                s.append(": realised performance waits for them");
            }
            return s.append('.').toString();
        }
        PerformanceResult.Interval ci = intervals.get(key);
        s.append(name).append(' ').append(number(now)).append(" (");
        if (ci != null) {
            s.append("95% CI ").append(number(ci.low())).append('–').append(number(ci.high())).append("; ");
        }
        s.append(String.format(Locale.ROOT, "n=%,d labelled, %.0f%% coverage)", labeled, 100 * coverage));
        appendBaseline(s, now, base, ci);
        if (!worst.isEmpty()) {
            SliceFinding w = worst.get(0);
            s.append("; worst slice ").append(w.slice()).append(": ")
                    .append(sliceValue(regression, w.batchValue()))
                    .append(String.format(Locale.ROOT, " on %,d rows against ", w.batchRows()))
                    .append(sliceValue(regression, w.referenceValue())).append(" in the reference");
        }
        return s.append('.').toString();
    }

    private static void appendBaseline(StringBuilder s, double now, Double base, PerformanceResult.Interval ci) {
        if (base == null) {
            s.append("; no baseline (the reference has no labels)");
            return;
        }
        double delta = now - base;
        s.append(" against baseline ").append(number(base)).append(": ");
        if (delta == 0) {
            s.append("unchanged");
            return;
        }
        s.append(delta < 0 ? "down " : "up ").append(number(Math.abs(delta)));
        if (ci != null && (base < ci.low() || base > ci.high())) {
            s.append(", beyond the 95% interval");
        }
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
