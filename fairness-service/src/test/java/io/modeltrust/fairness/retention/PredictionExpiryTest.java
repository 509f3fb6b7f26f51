package io.modeltrust.fairness.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.service.retention.RetentionJob;
import io.modeltrust.service.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Predictions and group codes awaiting labels are forgotten on the retention job's schedule once past
 * their expiry, whether or not a batch arrives; so is the memory of labels batches processed more than
 * twice the retention before; results computed more than 400 days before are pruned. A round as of
 * 2001-06-01: the times lie decades before any other test's rows, which share this database.
 */
@QuarkusTest
class PredictionExpiryTest {

    private static final Instant NOW = Instant.parse("2001-06-01T00:00:00Z");

    @Inject
    RetentionJob job;
    @Inject
    DataSource dataSource;

    @Test
    void expiredPredictionsAndOldResultsGoWithoutAnyBatch() {
        String model = "expiry-" + System.nanoTime();
        pending(model, "expired", NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(10)));
        pending(model, "waiting", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(80)));
        processedLabels(model, "labels-old", NOW.minus(Duration.ofDays(181)));
        processedLabels(model, "labels-recent", NOW.minus(Duration.ofDays(30)));
        result(model, "waiting", NOW.minus(Duration.ofDays(10)));
        result(model, "ancient", NOW.minus(Duration.ofDays(500)));

        assertEquals(Optional.of(Duration.ofDays(400)), job.effectiveRetention());
        RetentionJob.Round round = job.runOnce(NOW);

        assertTrue(round.pendingExpired() >= 1);
        assertEquals(0, Sql.count(dataSource, "SELECT count(*) FROM pending_predictions WHERE model_id = ? AND batch_id = 'expired'", model));
        assertEquals(1, Sql.count(dataSource, "SELECT count(*) FROM pending_predictions WHERE model_id = ? AND batch_id = 'waiting'", model));
        assertEquals(0, Sql.count(dataSource, "SELECT count(*) FROM processed_labels WHERE model_id = ? AND batch_id = 'labels-old'", model));
        assertEquals(1, Sql.count(dataSource, "SELECT count(*) FROM processed_labels WHERE model_id = ? AND batch_id = 'labels-recent'", model));
        assertEquals(1, Sql.count(dataSource, "SELECT count(*) FROM results WHERE model_id = ?", model));
        assertEquals(1, Sql.count(dataSource, "SELECT count(*) FROM results WHERE model_id = ? AND batch_id = 'waiting'", model));
    }

    private void pending(String model, String batch, Instant createdAt, Instant expiresAt) {
        Timestamp at = Timestamp.from(createdAt);
        Sql.exec(dataSource, """
                INSERT INTO pending_predictions (model_id, batch_id, reference_version, batch_at, row_count, labeled_rows, revision,
                  spec_json, attributes_json, id_hashes, group_codes, predictions, labels, created_at, updated_at, expires_at)
                VALUES (?, ?, 1, ?, 1, 0, 1, '{}', '[]', '\\x0000000000000001'::bytea, '\\x00'::bytea, '\\x00'::bytea,
                  '\\xff'::bytea, ?, ?, ?)""", model, batch, at, at, at, Timestamp.from(expiresAt));
    }

    private void processedLabels(String model, String batch, Instant processedAt) {
        Sql.exec(dataSource, "INSERT INTO processed_labels (model_id, batch_id, row_count, matched_rows, revised_batches, "
                + "processed_at) VALUES (?, ?, 1, 0, 0, ?)", model, batch, Timestamp.from(processedAt));
    }

    private void result(String model, String batch, Instant computedAt) {
        Sql.exec(dataSource, "INSERT INTO results (model_id, batch_id, revision, event_id, result_json, computed_at) "
                + "VALUES (?, ?, 1, ?, '{}', ?)", model, batch, model + ":" + batch, Timestamp.from(computedAt));
    }
}
