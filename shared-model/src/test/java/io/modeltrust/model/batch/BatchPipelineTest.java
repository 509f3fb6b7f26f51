package io.modeltrust.model.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchPipelineTest {

    private final List<String> settled = new ArrayList<>();
    private final BatchPipeline.Settler<String> settler = new BatchPipeline.Settler<>() {
        @Override
        public void ack(String handle) {
            settled.add("ack " + handle);
        }

        @Override
        public void nack(String handle, Throwable reason) {
            settled.add("nack " + handle);
        }
    };

    private static byte[][] batch(String batchId) {
        ModelSpec spec = new ModelSpec(Task.REGRESSION, List.of(new FeatureSpec("x", ColumnType.NUMERIC)), "y",
                null, null, null, null, null, null, null, null, null);
        BatchHeader header = new BatchHeader(null, 1, "e", "m", batchId, BatchKind.PRODUCTION, 1, 1, spec,
                List.of(new ColumnSpec("x", ColumnRole.FEATURE, ColumnType.NUMERIC)), Instant.EPOCH, Instant.EPOCH);
        DataChunk chunk = new DataChunk(batchId, 0, 0, 2, List.of(new NumericColumn(new double[]{1, 2})));
        BatchSeal seal = new BatchSeal(null, 1, "s", "m", batchId, BatchKind.PRODUCTION, 2, 1);
        return new byte[][]{BatchRecordCodec.encode(header, false), BatchRecordCodec.encode(chunk, true),
                BatchRecordCodec.encode(seal, false)};
    }

    private BatchPipeline<String> pipeline(BatchPipeline.Handler handler) {
        return new BatchPipeline<>(settler, handler, e -> e instanceof SQLException, Duration.ofMinutes(5),
                Duration.ofMillis(20), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    @Test
    void recordsAreAcknowledgedOnlyAfterTheHandlerRan() {
        List<String> handled = new ArrayList<>();
        BatchPipeline<String> p = pipeline(b -> handled.add(b.batchId()));
        byte[][] records = batch("b1");
        assertEquals(BatchPipeline.Outcome.HELD, p.accept(records[0], "h"));
        assertEquals(BatchPipeline.Outcome.HELD, p.accept(records[1], "c"));
        assertTrue(settled.isEmpty());
        assertEquals(BatchPipeline.Outcome.COMPLETED, p.accept(records[2], "s"));
        assertEquals(List.of("b1"), handled);
        assertEquals(List.of("ack h", "ack c", "ack s"), settled);
    }

    @Test
    void garbageIsRejectedAndConsumptionGoesOn() {
        BatchPipeline<String> p = pipeline(b -> { });
        assertEquals(BatchPipeline.Outcome.REJECTED, p.accept("garbage".getBytes(), "g"));
        byte[][] records = batch("b2");
        p.accept(records[0], "h");
        p.accept(records[1], "c");
        assertEquals(BatchPipeline.Outcome.COMPLETED, p.accept(records[2], "s"));
        assertEquals(List.of("nack g", "ack h", "ack c", "ack s"), settled);
    }

    @Test
    void retryableFailuresAreRetriedUntilTheyPass() {
        AtomicInteger attempts = new AtomicInteger();
        BatchPipeline<String> p = pipeline(b -> {
            if (attempts.incrementAndGet() < 4) {
                throw new SQLException("database away");
            }
        });
        byte[][] records = batch("b3");
        p.accept(records[0], "h");
        p.accept(records[1], "c");
        assertEquals(BatchPipeline.Outcome.COMPLETED, p.accept(records[2], "s"));
        assertEquals(4, attempts.get());
        assertTrue(p.healthy());
    }

    @Test
    void otherFailuresSendTheSealToTheDeadLetterTopic() {
        BatchPipeline<String> p = pipeline(b -> {
            throw new IllegalStateException("bug");
        });
        byte[][] records = batch("b4");
        p.accept(records[0], "h");
        p.accept(records[1], "c");
        assertEquals(BatchPipeline.Outcome.FAILED, p.accept(records[2], "s"));
        assertEquals(List.of("ack h", "ack c", "nack s"), settled);
    }

    @Test
    void aBatchTheShutdownInterruptsIsLeftUnsettledNotDeadLettered() {
        List<BatchPipeline<String>> self = new ArrayList<>();
        BatchPipeline<String> p = pipeline(b -> {
            self.get(0).stop(); // the process starts shutting down while the batch is handled...
            throw new IllegalStateException("Unable to find an EntityManagerFactory"); // ...and its session goes
        });
        self.add(p);
        byte[][] records = batch("b5");
        p.accept(records[0], "h");
        p.accept(records[1], "c");
        assertEquals(BatchPipeline.Outcome.ABANDONED, p.accept(records[2], "s"));
        assertTrue(settled.isEmpty(), "nothing acknowledged, nothing dead-lettered: " + settled);
        assertEquals(BatchPipeline.Outcome.ABANDONED, p.accept(batch("b6")[0], "h6"));
        assertTrue(settled.isEmpty());
    }

    @Test
    void aShutdownEndsTheRetriesWithoutSettling() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        BatchPipeline<String> p = new BatchPipeline<>(settler, b -> {
            attempts.incrementAndGet();
            throw new SQLException("database away");
        }, e -> e instanceof SQLException, Duration.ofMinutes(5), Duration.ofSeconds(5),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        byte[][] records = batch("b7");
        p.accept(records[0], "h");
        p.accept(records[1], "c");
        var outcome = new java.util.concurrent.CompletableFuture<BatchPipeline.Outcome>();
        Thread consumer = new Thread(() -> outcome.complete(p.accept(records[2], "s")));
        consumer.start();
        while (attempts.get() < 2) {
            Thread.sleep(10);
        }
        // Readiness asks while the batch is being retried: it must get an answer, not wait for the database.
        var health = java.util.concurrent.CompletableFuture.supplyAsync(() -> p.healthy() + " " + p.openBatches());
        assertEquals("false 1", health.get(2, java.util.concurrent.TimeUnit.SECONDS));
        p.stop();
        assertEquals(BatchPipeline.Outcome.ABANDONED, outcome.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(settled.isEmpty(), "nothing settled: " + settled);
    }
}
