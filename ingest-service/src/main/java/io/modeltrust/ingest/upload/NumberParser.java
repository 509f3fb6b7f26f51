package io.modeltrust.ingest.upload;

/**
 * Parses a decimal number exactly as {@link Double#parseDouble} would, but only plain decimal
 * syntax (no hex, no type suffix, no surrounding blanks), and fast for the common short case:
 * with at most 15 significant digits and a power of ten up to 22, m / 10^k is correctly rounded
 * (Clinger's fast path), so the result is bit-identical to the slow path.
 */
public final class NumberParser {

    /** Returned for text that is not a finite decimal number. */
    public static final double INVALID = Double.NEGATIVE_INFINITY;

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private NumberParser() {
    }

    /** The value, NaN for an explicit "NaN" (a missing value), or {@link #INVALID}. */
    public static double parse(String s) {
        int n = s.length();
        if (n == 0 || n > 400) {
            return INVALID;
        }
        if (n == 3 && s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        int i = 0;
        boolean negative = false;
        char c = s.charAt(0);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean seenDigit = false;
        boolean seenDot = false;
        boolean fast = true;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                seenDigit = true;
                if (mantissa == 0 && c == '0') {
                    if (seenDot) {
                        scale++;
                    }
                    continue;
                }
                if (digits < 15) {
                    mantissa = mantissa * 10 + (c - '0');
                    digits++;
                    if (seenDot) {
                        scale++;
                    }
                } else {
                    fast = false;
                }
            } else if (c == '.' && !seenDot) {
                seenDot = true;
            } else if (c == 'e' || c == 'E') {
                fast = false;
                if (!validExponent(s, i + 1)) {
                    return INVALID;
                }
                break;
            } else {
                return INVALID;
            }
        }
        if (!seenDigit) {
            return INVALID;
        }
        if (fast && scale <= 22) {
            double value = mantissa / POW10[scale];
            return negative ? -value : value;
        }
        double value = Double.parseDouble(s);
        return Double.isInfinite(value) ? INVALID : value;
    }

    private static boolean validExponent(String s, int from) {
        int i = from;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i >= s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
