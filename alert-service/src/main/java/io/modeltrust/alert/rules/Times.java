package io.modeltrust.alert.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * Saturating instant arithmetic: results stay within {@link #FLOOR} and {@link #CEILING}, which every
 * batch time lies between (ingest takes 1970 to 2199) and which PostgreSQL and java.sql.Timestamp
 * hold, so no stored rule or setting can overflow it into an exception that stops result processing.
 */
public final class Times {

    public static final Instant FLOOR = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant CEILING = Instant.parse("9999-12-31T23:59:59Z");

    private Times() {
    }

    public static Instant minus(Instant t, Duration d) {
        return plus(t, d.negated());
    }

    public static Instant plus(Instant t, Duration d) {
        Duration room = Duration.between(t, d.isNegative() ? FLOOR : CEILING);
        if (d.isNegative() ? d.compareTo(room) <= 0 : d.compareTo(room) >= 0) {
            return d.isNegative() ? FLOOR : CEILING;
        }
        return clamp(t.plus(d));
    }

    /** {@code d × factor}, or {@code max} when that is more (or overflows). */
    public static Duration times(Duration d, long factor, Duration max) {
        if (d.isNegative() || factor < 0) {
            throw new IllegalArgumentException("a negative duration or factor: " + d + " × " + factor);
        }
        if (factor != 0 && d.compareTo(max.dividedBy(factor)) > 0) {
            return max;
        }
        Duration product = d.multipliedBy(factor);
        return product.compareTo(max) > 0 ? max : product;
    }

    private static Instant clamp(Instant t) {
        return t.isBefore(FLOOR) ? FLOOR : (t.isAfter(CEILING) ? CEILING : t);
    }
}
