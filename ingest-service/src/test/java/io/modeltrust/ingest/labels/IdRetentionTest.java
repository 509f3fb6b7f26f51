package io.modeltrust.ingest.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The hashed ids of production batches expire on the retention schedule, without any labels upload:
 * a round as of 2001-06-01 forgets the batch stored more than ingest.id-retention (90 days) before and
 * keeps the younger one. The times lie decades before any other test's rows, which share this database.
 */
@QuarkusTest
class IdRetentionTest {

    private static final Instant NOW = Instant.parse("2001-06-01T00:00:00Z");

    @Inject
    IdRetention retention;
    @Inject
    DataSource dataSource;
    @Inject
    Scheduler scheduler;

    @Test
    void theExpiryAndTheControlOutboxAreJobsOfTheRunningScheduler() {
        // ingest has no @Scheduled method: without quarkus.scheduler.start-mode=forced its jobs would never run
        assertTrue(scheduler.isRunning());
        assertNotNull(scheduler.getScheduledJob("id-retention"));
        assertNotNull(scheduler.getScheduledJob("control-outbox"));
    }

    @Test
    void idsPastTheirRetentionAreForgottenWithoutLabels() throws SQLException {
        String model = "ids-" + System.nanoTime();
        insert(model, model + "-old", NOW.minus(Duration.ofDays(91)));
        insert(model, model + "-young", NOW.minus(Duration.ofDays(10)));

        assertTrue(retention.runOnce(NOW) >= 1);

        assertEquals(0, count(model + "-old"));
        assertEquals(1, count(model + "-young"));
    }

    private void insert(String model, String batch, Instant createdAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO production_ids (batch_id, model_id, hashes, created_at) VALUES (?, ?, '\\x0000000000000001'::bytea, ?)")) {
            ps.setString(1, batch);
            ps.setString(2, model);
            ps.setTimestamp(3, Timestamp.from(createdAt));
            ps.executeUpdate();
        }
    }

    private long count(String batch) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM production_ids WHERE batch_id = ?")) {
            ps.setString(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
