package io.modeltrust.alert.rules;

/** How a rule compares a value with its threshold. Booleans arrive here as 1 and 0. */
public enum Comparison {
    LT("lt", "<"),
    LTE("lte", "<="),
    GT("gt", ">"),
    GTE("gte", ">="),
    EQ("eq", "=="),
    NEQ("neq", "!="),
    ABS_GT("absGt", "|x| >"),
    ABS_GTE("absGte", "|x| >=");

    /** Differences this small are floating-point noise, not a real distance from the threshold. */
    static final double TOLERANCE = 1e-9;

    private final String id;
    private final String symbol;

    Comparison(String id, String symbol) {
        this.id = id;
        this.symbol = symbol;
    }

    /** The name used in rule JSON. */
    public String id() {
        return id;
    }

    /** How explanations write it. */
    public String symbol() {
        return symbol;
    }

    /** Accepts the names and, on input, the symbols {@code < <= > >= == !=} (also {@code =}). */
    public static Comparison parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("comparator is missing");
        }
        String t = text.strip();
        for (Comparison c : values()) {
            if (c.id.equalsIgnoreCase(t) || c.symbol.equals(t)) {
                return c;
            }
        }
        if ("=".equals(t)) {
            return EQ;
        }
        throw new IllegalArgumentException("unknown comparator '" + text + "'; use one of lt, lte, gt, gte, eq, neq, "
                + "absGt, absGte (or <, <=, >, >=, ==, !=)");
    }

    /**
     * Whether {@code value} meets the condition. This is the one place thresholds are compared. A value
     * equal to the threshold up to floating-point noise counts as reaching it, whatever the comparator:
     * a change computed as 0.80 - 0.85 is -0.04999999999999993, which every report prints as "down
     * 0.050", so "lt -0.05" must fire on it rather than hinge on the last bit of a subtraction.
     */
    public boolean test(double value, double threshold) {
        double v = this == ABS_GT || this == ABS_GTE ? Math.abs(value) : value;
        if (reaches(v, threshold)) {
            return this != NEQ;
        }
        return switch (this) {
            case LT -> v < threshold;
            case LTE -> v <= threshold;
            case GT, ABS_GT -> v > threshold;
            case GTE, ABS_GTE -> v >= threshold;
            case EQ -> false;
            case NEQ -> true;
        };
    }

    /** Equal up to {@value #TOLERANCE}, absolute for values near zero and relative for larger ones. */
    static boolean reaches(double value, double threshold) {
        double scale = Math.max(1.0, Math.max(Math.abs(value), Math.abs(threshold)));
        return Math.abs(value - threshold) <= TOLERANCE * scale;
    }

    @Override
    public String toString() {
        return id;
    }
}
