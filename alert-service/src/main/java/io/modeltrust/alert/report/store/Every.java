package io.modeltrust.alert.report.store;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;

/**
 * A schedule's period, an ISO-8601 duration: calendar periods (P7D, P1M, P1Y) step by the UTC calendar, so
 * "P1M" runs on the same day of every month; time durations (PT12H) step by the clock.
 */
public record Every(String text, TemporalAmount amount) {

    /** Shorter periods would make a report more often than anyone reads one. */
    static final Duration MIN = Duration.ofHours(1);

    public static Every parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("every is required: an ISO-8601 duration such as P7D, P1M or PT12H");
        }
        TemporalAmount amount;
        try {
            amount = text.contains("T") ? Duration.parse(text) : Period.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("every '" + text + "' is not an ISO-8601 duration such as P7D, P1M or PT12H");
        }
        Every e = new Every(text, amount);
        Instant probe = Instant.parse("2024-01-31T00:00:00Z");
        Duration length = Duration.between(probe, e.after(probe));
        if (length.compareTo(MIN) < 0) {
            throw new IllegalArgumentException("every '" + text + "' must be at least PT1H");
        }
        if (length.compareTo(Duration.ofDays(io.modeltrust.alert.report.Period.MAX_DAYS)) > 0) {
            throw new IllegalArgumentException("every '" + text + "' is longer than the longest report, "
                    + io.modeltrust.alert.report.Period.MAX_DAYS + " days");
        }
        return e;
    }

    public Instant after(Instant t) {
        try {
            return amount instanceof Duration d ? t.plus(d) : t.atZone(ZoneOffset.UTC).plus(amount).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("every '" + text + "' overflows the calendar");
        }
    }

    public Instant before(Instant t) {
        return amount instanceof Duration d ? t.minus(d) : t.atZone(ZoneOffset.UTC).minus(amount).toInstant();
    }
}
