package io.modeltrust.drift.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.service.retention.ResultsPruner;
import io.modeltrust.service.retention.RetentionJob;
import io.modeltrust.service.retention.RetentionPolicy;
import io.modeltrust.service.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Results planted with computation times in 1999-2001: the pruner deletes every revision of the batches
 * computed wholly before the cutoff, in chunks, and keeps a batch with a recent revision whole. The
 * times lie decades before any other test's rows, which share this database.
 */
@QuarkusTest
class ResultsRetentionTest {

    private static final Instant OLD = Instant.parse("1999-01-01T00:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2001-03-01T00:00:00Z");
    private static final Instant RECENT = Instant.parse("2001-05-01T00:00:00Z");

    @Inject
    ResultsPruner pruner;
    @Inject
    RetentionJob job;
    @Inject
    DataSource dataSource;

    @Test
    void batchesComputedBeforeTheCutoffGoWithEveryRevision() {
        String model = "retention-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            result(model, "old-" + i, 1, OLD.plus(Duration.ofDays(i)));
        }
        result(model, "old-0", 2, OLD.plus(Duration.ofDays(10)));
        result(model, "mixed", 1, OLD);
        result(model, "mixed", 2, RECENT);
        result(model, "recent", 1, RECENT);

        long deleted = pruner.prune(CUTOFF, 2);

        assertTrue(deleted >= 6, "five old batches, one of them with two revisions (and any other test's rows that old)");
        assertEquals(0, Sql.count(dataSource, "SELECT count(*) FROM results WHERE model_id = ? AND batch_id LIKE 'old-%'", model));
        assertEquals(2, Sql.count(dataSource, "SELECT count(*) FROM results WHERE model_id = ? AND batch_id = 'mixed'", model),
                "a batch with a revision after the cutoff is kept whole");
        assertEquals(1, Sql.count(dataSource, "SELECT count(*) FROM results WHERE model_id = ? AND batch_id = 'recent'", model));
        assertEquals(0, pruner.prune(CUTOFF, 2), "nothing left to prune");
        assertEquals(3, Sql.count(dataSource, "SELECT count(*) FROM results WHERE model_id = ?", model));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("history_pruned_rows_total{table=\"results\"}"));
    }

    @Test
    void theScheduledRoundPrunesWithTheConfiguredRetention() {
        String model = "retention-job-" + System.nanoTime();
        Instant now = Instant.parse("2001-06-01T00:00:00Z");
        result(model, "older-than-400-days", 1, now.minus(Duration.ofDays(401)));
        result(model, "younger", 1, now.minus(Duration.ofDays(399)));

        assertEquals(Optional.of(Duration.ofDays(400)), job.effectiveRetention(), "the default of pipeline.results-retention");
        RetentionJob.Round round = job.runOnce(now);

        assertEquals(0, round.pendingExpired(), "drift keeps no predictions");
        assertTrue(round.resultsDeleted() >= 1);
        assertEquals(1, Sql.count(dataSource, "SELECT count(*) FROM results WHERE model_id = ? AND batch_id = 'younger'", model));
        assertEquals(0, Sql.count(dataSource, "SELECT count(*) FROM results WHERE model_id = ? AND batch_id <> 'younger'", model));
    }

    @Test
    void resultsOutliveThePredictionsAwaitingLabelsAndZeroTurnsRetentionOff() {
        List<Duration> pending = List.of(Duration.ofDays(90));
        assertEquals(Optional.of(Duration.ofDays(90)), RetentionPolicy.effective(Optional.of(Duration.ofDays(30)), pending));
        assertEquals(Optional.of(Duration.ofDays(400)), RetentionPolicy.effective(Optional.of(Duration.ofDays(400)), pending));
        assertEquals(Optional.empty(), RetentionPolicy.effective(Optional.of(Duration.ZERO), pending));
        assertEquals(Optional.empty(), RetentionPolicy.effective(Optional.empty(), pending));
    }

    private void result(String model, String batch, int revision, Instant computedAt) {
        Sql.exec(dataSource, "INSERT INTO results (model_id, batch_id, revision, event_id, result_json, computed_at) "
                + "VALUES (?, ?, ?, ?, '{}', ?)", model, batch, revision, model + ":" + batch + ":" + revision,
                Timestamp.from(computedAt));
    }
}
