package io.modeltrust.performance.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Human-readable slice labels; they double as the key that joins batch slices to reference slices. */
final class SliceLabels {

    private SliceLabels() {
    }

    static String missing(String feature) {
        return feature + " is missing";
    }

    /** Labels for bins of searchsorted(edges, x, 'left'): bins are open on the left, closed on the right. */
    static String[] numeric(String feature, double[] edges) {
        int m = edges.length;
        String[] labels = new String[m + 2];
        if (m == 0) {
            labels[0] = feature + " (all values)";
        } else {
            String[] e = distinctTexts(edges);
            labels[0] = feature + " <= " + e[0];
            for (int k = 1; k < m; k++) {
                labels[k] = feature + " in (" + e[k - 1] + ", " + e[k] + "]";
            }
            labels[m] = feature + " > " + e[m - 1];
        }
        labels[m + 1] = missing(feature);
        return labels;
    }

    /** Shortest significant-digit count (from 6) at which neighbouring edges still print differently. */
    private static String[] distinctTexts(double[] edges) {
        String[] texts = new String[edges.length];
        for (int digits = 6; digits <= 17; digits++) {
            boolean distinct = true;
            for (int k = 0; k < edges.length; k++) {
                texts[k] = number(edges[k], digits);
                if (k > 0 && texts[k].equals(texts[k - 1])) {
                    distinct = false;
                }
            }
            if (distinct) {
                return texts;
            }
        }
        return texts;
    }

    static String number(double v, int significantDigits) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(significantDigits)).stripTrailingZeros();
        double a = Math.abs(v);
        return a >= 1e-4 && a < 1e15 ? rounded.toPlainString() : rounded.toString();
    }

    /** Metric value for the summary sentence: a percentage for accuracy, 4 significant digits for MAE. */
    static String value(SliceMetric metric, double v) {
        if (metric == SliceMetric.ACCURACY) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * v);
        }
        return number(v, 4);
    }
}
