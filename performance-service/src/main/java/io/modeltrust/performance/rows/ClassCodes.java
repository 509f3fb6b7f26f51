package io.modeltrust.performance.rows;

import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.NumericColumn;
import java.util.Arrays;
import java.util.List;

/**
 * A multiclass prediction or label column as class codes: the index of each row's value in the model's
 * declared classes, {@link EvaluationRows#UNKNOWN} where it is missing. Values match a class as
 * docs/api.md says ingest matches them (equal text, or equal finite numbers), so "1.0" is class "1".
 * Ingest refuses values of no class; one that gets here anyway is refused rather than counted wrongly.
 */
public final class ClassCodes {

    /** Codes are bytes (one per row stored for late labels), −1 being "unknown". */
    public static final int MAX_CLASSES = Byte.MAX_VALUE;

    private ClassCodes() {
    }

    /** The classes a multiclass model can be evaluated with: at least one, each distinct, at most 127. */
    public static void requireUsable(List<String> classes) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a multiclass model needs its classes");
        }
        if (classes.size() > MAX_CLASSES) {
            throw new IllegalArgumentException("a multiclass model of " + classes.size()
                    + " classes is beyond the " + MAX_CLASSES + " that performance evaluates");
        }
        if (classes.stream().distinct().count() != classes.size()) {
            throw new IllegalArgumentException("the classes " + classes + " repeat a class");
        }
    }

    /**
     * @param what the column's role, for the message
     * @throws IllegalArgumentException for a value that matches no class
     */
    public static byte[] of(Column column, List<String> classes, String what) {
        if (column instanceof CategoricalColumn c) {
            byte[] byCode = new byte[c.dictionary().length];
            for (int code = 0; code < byCode.length; code++) {
                byCode[code] = (byte) classOf(c.dictionary()[code], classes, what);
            }
            int[] codes = c.codes();
            byte[] out = new byte[codes.length];
            for (int i = 0; i < codes.length; i++) {
                out[i] = codes[i] < 0 ? EvaluationRows.UNKNOWN : byCode[codes[i]];
            }
            return out;
        }
        double[] values = ((NumericColumn) column).values();
        double[] numbers = classes.stream().mapToDouble(ClassCodes::number).toArray();
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isNaN(values[i]) ? EvaluationRows.UNKNOWN
                    : (byte) numberClass(values[i], numbers, classes, what);
        }
        return out;
    }

    /** A column of missing values only (a batch without labels). */
    public static byte[] unknown(int rows) {
        byte[] out = new byte[rows];
        Arrays.fill(out, EvaluationRows.UNKNOWN);
        return out;
    }

    static int classOf(String value, List<String> classes, String what) {
        int exact = classes.indexOf(value);
        if (exact >= 0) {
            return exact;
        }
        double v = number(value);
        if (Double.isFinite(v)) {
            for (int c = 0; c < classes.size(); c++) {
                if (number(classes.get(c)) == v) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("the " + what + " value '" + value + "' is none of the classes " + classes);
    }

    private static int numberClass(double v, double[] numbers, List<String> classes, String what) {
        for (int c = 0; c < numbers.length; c++) {
            if (numbers[c] == v) {
                return c;
            }
        }
        throw new IllegalArgumentException("the " + what + " value " + v + " is none of the classes " + classes);
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
