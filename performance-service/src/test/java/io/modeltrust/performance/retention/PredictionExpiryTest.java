package io.modeltrust.performance.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
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
 * Predictions awaiting labels expire on the retention job's schedule, without any labels batch
 * arriving: a round as of 2001-06-01 deletes the batch stored more than performance.prediction-retention
 * (90 days) before and keeps the younger one, and prunes results computed more than 400 days before.
 * The times lie decades before any other test's rows, which share this database.
 */
@QuarkusTest
class PredictionExpiryTest {

    private static final Instant NOW = Instant.parse("2001-06-01T00:00:00Z");

    @Inject
    RetentionJob job;
    @Inject
    DataSource dataSource;

    @Test
    void storedPredictionsExpireWithoutLabelsAndOldResultsGo() {
        String model = "expiry-" + System.nanoTime();
        pending(model, "stale", NOW.minus(Duration.ofDays(91)));
        pending(model, "waiting", NOW.minus(Duration.ofDays(10)));
        result(model, "waiting", NOW.minus(Duration.ofDays(10)));
        result(model, "ancient", NOW.minus(Duration.ofDays(500)));
        given().get("/api/v1/models/{m}/performance/pending", model).then().statusCode(200).body("size()", is(2));

        assertEquals(Optional.of(Duration.ofDays(400)), job.effectiveRetention());
        RetentionJob.Round round = job.runOnce(NOW);

        assertTrue(round.pendingExpired() >= 1, "the stale batch expired");
        given().get("/api/v1/models/{m}/performance/pending", model).then().statusCode(200)
                .body("size()", is(1)).body("[0].batchId", equalTo("waiting"));
        assertEquals(1, Sql.count(dataSource, "SELECT count(*) FROM results WHERE model_id = ?", model));
        assertEquals(1, Sql.count(dataSource, "SELECT count(*) FROM results WHERE model_id = ? AND batch_id = 'waiting'", model));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("performance_predictions_expired_total"));
    }

    private void pending(String model, String batch, Instant createdAt) {
        Timestamp at = Timestamp.from(createdAt);
        Sql.exec(dataSource, """
                INSERT INTO pending_predictions (model_id, batch_id, reference_version, task, rows, labeled_rows, slice_features,
                  batch_at, created_at, id_hashes, predictions, scores, labels, slice_bins)
                VALUES (?, ?, 1, 'binary_classification', 1, 0, 0, ?, ?, '\\x0000000000000001'::bytea, '\\x00'::bytea, NULL,
                  '\\xff'::bytea, '\\x'::bytea)""", model, batch, at, at);
    }

    private void result(String model, String batch, Instant computedAt) {
        Sql.exec(dataSource, "INSERT INTO results (model_id, batch_id, revision, event_id, result_json, computed_at) "
                + "VALUES (?, ?, 1, ?, '{}', ?)", model, batch, model + ":" + batch, Timestamp.from(computedAt));
    }
}
