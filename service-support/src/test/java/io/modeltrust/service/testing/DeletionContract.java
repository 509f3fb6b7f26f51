package io.modeltrust.service.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.model.batch.BatchRecord;
import io.modeltrust.model.event.ControlEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * What every metric service does with monitoring.control, through the real broker and database: a
 * batch_deleted event removes that batch's rows only, a model_deleted event every row of the model; a
 * batch that ingest received before the deletion and arrives late is dropped, while the batches of a
 * model registered again under the id (received after the deletion) are analysed; a redelivered event
 * deletes nothing of that new model. Each service's test names its batches and tables.
 */
public abstract class DeletionContract {

    private static final Duration WAIT = Duration.ofSeconds(90);

    /** A reference upload of the model, as ingest would publish it at {@code receivedAt}. */
    protected abstract List<BatchRecord> reference(String model, String batchId, Instant receivedAt);

    /** A production batch of the model, with ids so that it waits for labels where the service keeps those. */
    protected abstract List<BatchRecord> production(String model, String batchId, Instant receivedAt);

    protected abstract DataSource dataSource();

    /** Tables that hold rows of the model once a reference and production batches were handled. */
    protected abstract List<String> modelTables();

    /** Tables that hold rows of each production batch (model_id, batch_id). */
    protected abstract List<String> batchTables();

    @Test
    void deletesABatchThenTheModelAndDropsLateBatches() {
        String model = getClass().getSimpleName().toLowerCase().replace("test", "") + "-del-" + System.nanoTime();
        String doomed = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        Instant before = Instant.now().minusSeconds(60);
        try (KafkaConsumer<String, byte[]> results = KafkaTestSupport.tail("monitoring.results")) {
            KafkaTestSupport.send("monitoring.batches", model, reference(model, "ref-" + doomed, before));
            KafkaTestSupport.send("monitoring.batches", model, production(model, doomed, before));
            KafkaTestSupport.send("monitoring.batches", model, production(model, kept, before));
            awaitResult(results, kept);
            awaitRows(batchTables(), model, doomed, true);
            for (String table : modelTables()) {
                assertTrue(rows(table, model) > 0, table + " holds the model before any deletion");
            }

            sendControl(ControlEvent.batchDeleted(UUID.randomUUID().toString(), model, doomed, "tester", Instant.now()));
            awaitRows(batchTables(), model, doomed, false);
            for (String table : batchTables()) {
                assertTrue(count(table, model, kept) > 0, table + " keeps the other batch");
            }
            // A redelivery of the deleted batch is dropped: no new result, no rows.
            KafkaTestSupport.send("monitoring.batches", model, production(model, doomed, before));

            ControlEvent deletion = ControlEvent.modelDeleted(UUID.randomUUID().toString(), model, "tester",
                    Instant.now());
            sendControl(deletion);
            awaitModelGone(model);
            assertEquals(1, Sql.count(dataSource(), "SELECT count(*) FROM control_deletions WHERE event_id = ? "
                    + "AND purged_at IS NOT NULL", deletion.eventId()), "the purge is recorded");

            String late = UUID.randomUUID().toString();
            KafkaTestSupport.send("monitoring.batches", model, production(model, late, before));
            Instant after = deletion.at().plusSeconds(1);
            String again = UUID.randomUUID().toString();
            KafkaTestSupport.send("monitoring.batches", model, reference(model, "ref-" + again, after));
            KafkaTestSupport.send("monitoring.batches", model, production(model, again, after));
            List<ConsumerRecord<String, byte[]>> seen = KafkaTestSupport.await(results,
                    r -> model.equals(r.key()), 1, WAIT, Duration.ofSeconds(2));
            assertTrue(seen.stream().anyMatch(r -> text(r).contains(again)), "the model registered again is analysed");
            assertTrue(seen.stream().noneMatch(r -> text(r).contains(late) || text(r).contains(doomed)),
                    "batches received before their deletion are dropped");

            sendControl(deletion); // a replay must not delete the new model's data
            ControlEvent marker = ControlEvent.batchDeleted(UUID.randomUUID().toString(), model, "no-such-batch",
                    "tester", Instant.now());
            sendControl(marker);
            awaitPurged(marker.eventId());
            for (String table : batchTables()) {
                assertTrue(count(table, model, again) > 0, table + " keeps the batches of the new model");
            }
        }
    }

    private void awaitResult(KafkaConsumer<String, byte[]> results, String batchId) {
        List<ConsumerRecord<String, byte[]>> got = KafkaTestSupport.await(results, r -> text(r).contains(batchId), 1,
                WAIT, Duration.ZERO);
        assertEquals(1, got.size(), "a result for " + batchId);
    }

    private void awaitRows(List<String> tables, String model, String batchId, boolean present) {
        Instant deadline = Instant.now().plus(WAIT);
        for (String table : tables) {
            while ((count(table, model, batchId) > 0) != present) {
                assertTrue(Instant.now().isBefore(deadline), table + (present ? " never held " : " still holds ")
                        + "batch " + batchId);
                pause();
            }
        }
    }

    private void awaitModelGone(String model) {
        Instant deadline = Instant.now().plus(WAIT);
        for (String table : modelTables()) {
            while (rows(table, model) > 0) {
                assertTrue(Instant.now().isBefore(deadline), table + " still holds model " + model);
                pause();
            }
        }
    }

    private void awaitPurged(String eventId) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Sql.count(dataSource(), "SELECT count(*) FROM control_deletions WHERE event_id = ? AND purged_at "
                + "IS NOT NULL", eventId) == 0) {
            assertTrue(Instant.now().isBefore(deadline), "control event " + eventId + " never purged");
            pause();
        }
    }

    private long rows(String table, String model) {
        return Sql.count(dataSource(), "SELECT count(*) FROM " + table + " WHERE model_id = ?", model);
    }

    private long count(String table, String model, String batchId) {
        return Sql.count(dataSource(), "SELECT count(*) FROM " + table + " WHERE model_id = ? AND batch_id = ?",
                model, batchId);
    }

    /** Publishes a control event as ingest does: keyed by modelId, the JSON as UTF-8. */
    public static void sendControl(ControlEvent event) {
        KafkaTestSupport.sendRaw("monitoring.control", event.modelId(), event.toJson().getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ConsumerRecord<String, byte[]> r) {
        return KafkaTestSupport.text(r.value());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
