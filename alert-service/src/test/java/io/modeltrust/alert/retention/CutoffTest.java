package io.modeltrust.alert.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CutoffTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void retentionGivesTheInstantBeforeWhichHistoryGoes() {
        assertEquals(Optional.of(Instant.parse("2025-10-17T10:00:00Z")), Cutoff.of(Optional.of(Duration.ofDays(400)), NOW));
    }

    @Test
    void zeroNegativeOrAbsentRetentionKeepsEverything() {
        assertTrue(Cutoff.of(Optional.empty(), NOW).isEmpty());
        assertTrue(Cutoff.of(Optional.of(Duration.ZERO), NOW).isEmpty());
        assertTrue(Cutoff.of(Optional.of(Duration.ofDays(-1)), NOW).isEmpty());
    }
}
