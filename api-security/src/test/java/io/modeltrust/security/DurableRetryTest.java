package io.modeltrust.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Work that must become durable: retried while the database is away, poison otherwise, left when stopping. */
class DurableRetryTest {

    private static final Duration MAX = Duration.ofMillis(400);

    @Test
    void transientFailuresAreRetriedUntilTheWorkIsDone() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger waits = new AtomicInteger();
        DurableRetry.Result r = DurableRetry.run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("commit failed", new SQLTransientConnectionException("database away"));
            }
        }, MAX, () -> false, e -> waits.incrementAndGet());
        assertEquals(DurableRetry.Outcome.DONE, r.outcome());
        assertEquals(3, attempts.get());
        assertEquals(2, waits.get());
    }

    @Test
    void anyOtherFailureIsPoisonAtOnce() {
        IllegalArgumentException bad = new IllegalArgumentException("no such column");
        AtomicInteger attempts = new AtomicInteger();
        DurableRetry.Result r = DurableRetry.run(() -> {
            attempts.incrementAndGet();
            throw bad;
        }, MAX, () -> false, e -> { });
        assertEquals(DurableRetry.Outcome.POISON, r.outcome());
        assertSame(bad, r.failure());
        assertEquals(1, attempts.get());
    }

    @Test
    void aStoppingServiceLeavesTheWorkForTheNextOwner() {
        DurableRetry.Result r = DurableRetry.run(() -> {
            throw new IllegalStateException(new SQLTransientConnectionException("database away"));
        }, MAX, () -> true, e -> { });
        assertEquals(DurableRetry.Outcome.STOPPING, r.outcome());
    }
}
