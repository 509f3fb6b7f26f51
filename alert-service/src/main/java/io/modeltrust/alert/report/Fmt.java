package io.modeltrust.alert.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes numbers and times: the same text in the summary, the HTML and the PDF. */
public final class Fmt {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /** Three decimals, as the dashboard shows metrics and ratios; an en dash for no value. */
    public static String num(Double v) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    public static String pct(Double v) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** p-values: small ones in scientific notation so that 1e-12 does not read as 0.000. */
    public static String p(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        return v < 0.001 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    public static String day(Instant t) {
        return t == null ? "–" : DAY.format(t);
    }

    public static String time(Instant t) {
        return t == null ? "–" : MINUTE.format(t);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
