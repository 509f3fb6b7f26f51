package io.modeltrust.alert.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The instant before which history is pruned; none when retention is off (absent, zero or negative). */
public final class Cutoff {

    private Cutoff() {
    }

    public static Optional<Instant> of(Optional<Duration> retention, Instant now) {
        return retention.filter(r -> !r.isZero() && !r.isNegative()).map(now::minus);
    }
}
