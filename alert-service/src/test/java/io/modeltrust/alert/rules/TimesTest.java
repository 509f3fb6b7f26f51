package io.modeltrust.alert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static final Instant T = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void ordinaryArithmeticIsExact() {
        assertEquals(Instant.parse("2026-11-20T18:00:00Z"), Times.minus(T, Duration.ofHours(6)));
        assertEquals(Instant.parse("2027-11-21T00:00:00Z"), Times.plus(T, Duration.ofDays(365)));
        assertEquals(T, Times.plus(T, Duration.ZERO));
    }

    @Test
    void saturatesInsteadOfOverflowing() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        assertEquals(Times.FLOOR, Times.minus(T, huge));
        assertEquals(Times.CEILING, Times.plus(T, huge));
        assertEquals(Times.FLOOR, Times.plus(T, Duration.ofSeconds(Long.MIN_VALUE)));
        assertEquals(Times.FLOOR, Times.minus(T, Duration.ofDays(100_000)));
        assertEquals(Times.FLOOR, Times.minus(Instant.MIN, Duration.ofDays(1)));
        assertEquals(Times.CEILING, Times.plus(Instant.MAX, Duration.ZERO));
    }

    @Test
    void multiplicationIsCapped() {
        Duration max = Duration.ofMinutes(5);
        assertEquals(Duration.ofSeconds(8), Times.times(Duration.ofSeconds(1), 8, max));
        assertEquals(max, Times.times(Duration.ofSeconds(1), 1L << 20, max));
        assertEquals(max, Times.times(Duration.ofSeconds(Long.MAX_VALUE / 2), 1L << 20, max), "no ArithmeticException");
        assertEquals(Duration.ZERO, Times.times(Duration.ofSeconds(3), 0, max));
        assertThrows(IllegalArgumentException.class, () -> Times.times(Duration.ofSeconds(-1), 2, max));
    }
}
