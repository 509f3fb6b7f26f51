package io.modeltrust.alert.report;

import java.time.Duration;
import java.time.Instant;

/** A report's period [from, to): checked here so every entry point (API, schedules) refuses the same periods. */
public record Period(Instant from, Instant to) {

    /** The longest period a report covers: a year and a day, so a leap year's annual report fits. */
    public static final int MAX_DAYS = 366;

    /** Why a period is refused; the resources turn it into a 400. */
    public static final class InvalidPeriodException extends IllegalArgumentException {
        public InvalidPeriodException(String message) {
            super(message);
        }
    }

    public Period {
        if (from == null || to == null) {
            throw new InvalidPeriodException("from and to are both required");
        }
        if (to.isBefore(from)) {
            throw new InvalidPeriodException("the period is inverted: to " + to + " is before from " + from);
        }
        if (!to.isAfter(from)) {
            throw new InvalidPeriodException("the period is empty: from and to are both " + from);
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new InvalidPeriodException("the period is " + Duration.between(from, to).toDays() + " days long; at most "
                    + MAX_DAYS + " days are reported at once");
        }
    }
}
