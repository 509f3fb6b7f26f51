package io.modeltrust.ingest.upload;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches label and prediction values to a model's classes (docs/api.md "Classes and matching"): a
 * value matches a class when the strings are equal, or when both are finite decimal numbers of equal
 * value, so pandas' "1.0" matches a declared "1". A matched value is published as the class is
 * declared, so no consumer ever compares "1.0" with "1".
 *
 * <p>Closed (the classes are known): a value that matches none is refused. Open (a binary model whose
 * first reference is still to fix its classes, or a model registered before classes existed): a value
 * that matches no known name is kept in one canonical spelling, so "1.0" and "1" are still one class.
 */
public final class ClassValues {

    private final List<String> names;
    private final boolean closed;
    private final Map<String, String> exact = new HashMap<>();
    private final Map<Double, String> numeric = new HashMap<>();

    private ClassValues(List<String> names, boolean closed) {
        this.names = List.copyOf(names);
        this.closed = closed;
        for (String name : names) {
            exact.putIfAbsent(name, name);
            double v = number(name);
            if (!Double.isNaN(v)) {
                numeric.putIfAbsent(v, name);
            }
        }
    }

    /** Only these classes are allowed. */
    public static ClassValues closed(List<String> classes) {
        return new ClassValues(classes, true);
    }

    /** Any value is allowed; those matching {@code known} take its spelling, the others a canonical one. */
    public static ClassValues open(List<String> known) {
        return new ClassValues(known, false);
    }

    public boolean isClosed() {
        return closed;
    }

    public List<String> names() {
        return names;
    }

    /** The class as declared (or, when open, in canonical spelling); null when a closed set has no match. */
    public String match(String raw) {
        String hit = exact.get(raw);
        if (hit != null) {
            return hit;
        }
        double v = number(raw);
        if (!Double.isNaN(v)) {
            hit = numeric.get(v);
            if (hit != null) {
                return hit;
            }
        }
        if (closed) {
            return null;
        }
        return Double.isNaN(v) ? raw : canonical(v);
    }

    /** True when the two values are the same class by the matching rule. */
    public static boolean sameClass(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        double x = number(a);
        return !Double.isNaN(x) && x == number(b);
    }

    /** The value of a finite plain decimal, NaN otherwise; -0 is 0. */
    private static double number(String s) {
        double v = NumberParser.parse(s);
        return v == NumberParser.INVALID || Double.isNaN(v) ? Double.NaN : v + 0.0;
    }

    /** The shortest plain spelling: 1.0 is "1", 0.50 is "0.5", 1e-5 is "0.00001". */
    private static String canonical(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
