package io.modeltrust.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the ingest service; every key can be overridden by env (INGEST_…). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Largest accepted request body, in bytes after decompression; larger bodies get 413. */
    @WithDefault("1073741824")
    long maxBodyBytes();

    /** Rows per data chunk on monitoring.batches. */
    @WithDefault("16384")
    int chunkRows();

    /** A chunk is closed early when its values take more than this many bytes, whatever its rows. */
    @WithDefault("4194304")
    int chunkMaxBytes();

    /** Deflate each chunk body (smaller topic, more CPU at ingest). */
    @WithDefault("false")
    boolean deflateChunks();

    /** How long a POST may wait for Kafka to acknowledge the whole batch before answering 503. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** Topic that carries batches. */
    @WithDefault("monitoring.batches")
    String batchesTopic();

    /** Topic that carries control events (deletions) to every service. */
    @WithDefault("monitoring.control")
    String controlTopic();

    /** How often deletions whose control event Kafka has not acknowledged yet are published again. */
    @WithDefault("PT5S")
    Duration controlRepublishInterval();

    /**
     * How long a deleted model's id cannot be registered again: every service drops results of the deleted
     * model computed until then (alert-service's alert.deleted-id-hold must be the same).
     */
    @WithDefault("PT10M")
    Duration deletedIdHold();

    /** How long production ids are kept for matching delayed labels. */
    @WithDefault("P90D")
    Duration idRetention();

    /** How often ids past their retention are deleted, labels or not; 0 only when labels arrive. */
    @WithDefault("PT1H")
    Duration idExpiryInterval();

    /**
     * How long an Idempotency-Key stays claimed by a request that neither published nor failed (its process
     * died); until then repeats get 409, afterwards a repeat may upload again.
     */
    @WithDefault("PT10M")
    Duration idempotencyClaimTimeout();
}
