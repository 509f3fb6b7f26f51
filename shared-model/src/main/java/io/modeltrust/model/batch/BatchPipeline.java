package io.modeltrust.model.batch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The consuming side of monitoring.batches, free of any framework: decodes each record, assembles
 * batches, runs the handler on each sealed batch and settles every record exactly once.
 * <ul>
 * <li>A record that cannot be decoded, or a batch that does not add up, is rejected (nack: the
 * caller sends it to the dead-letter topic) and consumption goes on.</li>
 * <li>A handler failure the service calls retryable (database or broker away) is retried with
 * backoff, holding the batch, until it succeeds: nothing is settled, so nothing is committed.</li>
 * <li>Any other handler failure rejects the seal record and acknowledges the rest.</li>
 * <li>Once {@link #stop()} was called (the process is shutting down) nothing more is settled: the
 * shutdown makes handlers fail (the database session or the producer is closed), and such a failure
 * must neither dead-letter the batch nor let its offsets be committed; the partition's next owner
 * processes it again.</li>
 * </ul>
 * Records are acknowledged only after the handler returned, i.e. after its effect is durable.
 *
 * @param <H> the caller's handle of a record (for example a Kafka message)
 */
public final class BatchPipeline<H> {

    /** How the caller acknowledges or rejects one record. */
    public interface Settler<H> {
        void ack(H handle);

        void nack(H handle, Throwable reason);
    }

    /** What the service does with a complete batch. Must be idempotent: batches can be redelivered. */
    public interface Handler {
        void handle(AssembledBatch batch) throws Exception;
    }

    /** What became of one record. */
    public enum Outcome { HELD, COMPLETED, REJECTED, FAILED, ABANDONED }

    private final BatchAssembler<H> assembler = new BatchAssembler<>();
    private final Settler<H> settler;
    private final Handler handler;
    private final Predicate<Throwable> retryable;
    private final Duration maxIdle;
    private final Duration maxBackoff;
    private final Clock clock;
    private volatile boolean retrying;
    private volatile boolean stopping;
    /** Kept apart from the assembler so readiness never waits for the lock a retrying batch holds. */
    private volatile int openBatches;
    private volatile String lastFailure;

    public BatchPipeline(Settler<H> settler, Handler handler, Predicate<Throwable> retryable, Duration maxIdle,
                         Duration maxBackoff, Clock clock) {
        this.settler = settler;
        this.handler = handler;
        this.retryable = retryable;
        this.maxIdle = maxIdle;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    /** False while a batch is being retried because a dependency is away. */
    public boolean healthy() {
        return !retrying;
    }

    public String lastFailure() {
        return lastFailure;
    }

    /** The process is shutting down: from now on records are left unsettled (see the class comment). */
    public void stop() {
        stopping = true;
    }

    /** Batches begun and not yet complete; answers at once, even while a batch is being retried. */
    public int openBatches() {
        return openBatches;
    }

    public synchronized Outcome accept(byte[] value, H handle) {
        if (stopping) {
            return Outcome.ABANDONED;
        }
        try {
            return settle(value, handle);
        } finally {
            openBatches = assembler.openBatches();
        }
    }

    private Outcome settle(byte[] value, H handle) {
        for (BatchAssembler.Expired<H> expired : assembler.expire(clock.instant(), maxIdle)) {
            // A producer that died half-way never seals; its records are settled so offsets can move on.
            expired.handles().forEach(settler::ack);
        }
        Optional<BatchAssembler.Completed<H>> done;
        try {
            done = assembler.accept(BatchRecordCodec.decode(value), clock.instant(), handle);
        } catch (BatchAssembler.InvalidBatchException e) {
            rejectBatch(e.handles(), e);
            return Outcome.REJECTED;
        } catch (BatchFormatException e) {
            settler.nack(handle, e);
            return Outcome.REJECTED;
        }
        if (done.isEmpty()) {
            return Outcome.HELD;
        }
        List<H> handles = done.get().handles();
        try {
            runWithRetry(done.get().batch());
        } catch (HandlerFailure e) {
            if (stopping) {
                return Outcome.ABANDONED;
            }
            rejectBatch(handles, e);
            return Outcome.FAILED;
        }
        handles.forEach(settler::ack);
        return Outcome.COMPLETED;
    }

    private void runWithRetry(AssembledBatch batch) {
        long backoffMs = 200;
        while (true) {
            if (stopping) {
                throw new HandlerFailure(batch, new IllegalStateException("shutting down"));
            }
            try {
                handler.handle(batch);
                retrying = false;
                return;
            } catch (Exception e) {
                lastFailure = e.toString();
                if (!retryable.test(e) || stopping) {
                    retrying = false;
                    throw new HandlerFailure(batch, e);
                }
                retrying = true;
                try {
                    sleepUnlessStopping(backoffMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new HandlerFailure(batch, interrupted);
                }
                backoffMs = Math.min(backoffMs * 2, maxBackoff.toMillis());
            }
        }
    }

    private void sleepUnlessStopping(long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (!stopping && System.nanoTime() < end) {
            Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    private void rejectBatch(List<H> handles, Throwable reason) {
        for (int i = 0; i < handles.size() - 1; i++) {
            settler.ack(handles.get(i));
        }
        if (!handles.isEmpty()) {
            settler.nack(handles.get(handles.size() - 1), reason);
        }
    }

    /** The handler failed in a way retrying cannot fix (a bug or data it cannot use). */
    public static final class HandlerFailure extends RuntimeException {
        private final transient AssembledBatch batch;

        HandlerFailure(AssembledBatch batch, Throwable cause) {
            super("batch " + batch.batchId() + " of model " + batch.modelId() + " failed: " + cause.getMessage(), cause);
            this.batch = batch;
        }

        public AssembledBatch batch() {
            return batch;
        }
    }
}
