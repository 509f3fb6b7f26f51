package io.modeltrust.alert.rules;

import java.math.BigDecimal;
import java.math.MathContext;

/** Short, stable number formatting for explanations (4 significant digits, no exponent for ordinary values). */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
