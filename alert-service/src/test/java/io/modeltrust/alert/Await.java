package io.modeltrust.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls until a condition holds; the timeout only bounds a broken run, nothing asserts on durations. */
public final class Await {

    private Await() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    public static <T> T value(String what, Duration timeout, Supplier<T> supplier, java.util.function.Predicate<T> ok) {
        Object[] holder = new Object[1];
        until(what, timeout, () -> {
            holder[0] = supplier.get();
            return ok.test((T) holder[0]);
        });
        @SuppressWarnings("unchecked")
        T t = (T) holder[0];
        return t;
    }
}
