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

    public boolean test(double value, double threshold) {
        return switch (this) {
            case LT -> value < threshold;
            case LTE -> value <= threshold;
            case GT -> value > threshold;
            case GTE -> value >= threshold;
            case EQ -> value == threshold;
            case NEQ -> value != threshold;
            case ABS_GT -> Math.abs(value) > threshold;
            case ABS_GTE -> Math.abs(value) >= threshold;
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
