package io.modeltrust.alert.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The range of a rule's ISO-8601 durations ({@code cooldown}, {@code persistence.duration}): 0 to
 * {@link #MAX}. A year bounds every window the rules look back over, and keeps the instant arithmetic
 * on batch times far from the ends of what Instant and PostgreSQL hold.
 */
public final class DurationBounds {

    public static final Duration MAX = Duration.ofDays(365);
    /** {@link #MAX} as rules write it (Duration.toString would say PT8760H). */
    public static final String MAX_TEXT = "P365D";

    private DurationBounds() {
    }

    /** The duration, or IllegalArgumentException with what is wrong with it (for the field's error). */
    public static Duration parse(String text) {
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            if (e.getCause() instanceof ArithmeticException) {
                throw new IllegalArgumentException("'" + text + "' is longer than the maximum " + MAX_TEXT);
            }
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT6H or P1D");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative; durations are 0 (PT0S) to " + MAX_TEXT);
        }
        if (d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than the maximum " + MAX_TEXT);
        }
        return d;
    }

    /**
     * The text of a stored duration with anything above the maximum read as the maximum: rules stored
     * before the bound existed keep working (almost) as written instead of stopping their model's results.
     */
    public static String clampStored(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text).compareTo(MAX) > 0 ? MAX_TEXT : text;
        } catch (DateTimeParseException e) {
            return e.getCause() instanceof ArithmeticException ? MAX_TEXT : text;
        }
    }
}
