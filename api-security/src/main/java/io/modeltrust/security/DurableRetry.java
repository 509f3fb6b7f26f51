package io.modeltrust.security;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a piece of work until it is durable: a transient failure ({@link Failures#isTransient}, the
 * database away) is retried with doubling back-off, anything else is poison. The consumers of
 * monitoring.control use it so a record is acknowledged only once its effect committed, never skipped
 * while the database is away, and left unacknowledged when the service stops.
 */
public final class DurableRetry {

    /** How the work ended: done, failed for good (dead-letter it), or the service is stopping (leave it). */
    public enum Outcome { DONE, POISON, STOPPING }

    public record Result(Outcome outcome, RuntimeException failure) {
    }

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private DurableRetry() {
    }

    /**
     * @param stopping  checked after each failure: true leaves the work undone for the next owner
     * @param onWait    told of each transient failure before the wait (for the log)
     */
    public static Result run(Runnable work, Duration maxBackoff, BooleanSupplier stopping,
                             Consumer<RuntimeException> onWait) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                work.run();
                return new Result(Outcome.DONE, null);
            } catch (RuntimeException e) {
                if (stopping.getAsBoolean()) {
                    return new Result(Outcome.STOPPING, e);
                }
                if (!Failures.isTransient(e)) {
                    return new Result(Outcome.POISON, e);
                }
                onWait.accept(e);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return new Result(Outcome.STOPPING, e); // interrupted only when shutting down
                }
                Duration next = backoff.multipliedBy(2);
                backoff = next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
            }
        }
    }
}
