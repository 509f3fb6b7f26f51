package io.modeltrust.service.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When results go. A batch's results are kept at least as long as its predictions await labels:
 * a labels batch numbers its next revision from the stored ones, so they must outlive the predictions.
 */
public final class RetentionPolicy {

    private RetentionPolicy() {
    }

    /** The retention in force: the configured one raised to the longest pending retention; empty when off (absent, 0 or negative). */
    public static Optional<Duration> effective(Optional<Duration> configured, List<Duration> pendingRetentions) {
        Optional<Duration> on = configured.filter(d -> !d.isZero() && !d.isNegative());
        return on.map(d -> pendingRetentions.stream().reduce(d, (a, b) -> b.compareTo(a) > 0 ? b : a));
    }

    /** The instant before which results go, if any. */
    public static Optional<Instant> cutoff(Optional<Duration> effective, Instant now) {
        return effective.map(now::minus);
    }
}
