package io.modeltrust.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How a metric service consumes monitoring.batches; env overrides PIPELINE_…. */
@ConfigMapping(prefix = "pipeline")
public interface PipelineConfig {

    /** A batch that receives no record for this long is given up (its producer died half-way). */
    @WithDefault("PT10M")
    Duration batchIdleTimeout();

    /** Longest pause between retries while the database or the broker is away. */
    @WithDefault("PT5S")
    Duration maxRetryBackoff();

    /** Published results whose newest revision was computed longer ago than this are deleted (ISO-8601, e.g. P400D); 0 or empty keeps them. */
    Optional<Duration> resultsRetention();

    /** How often results are pruned and predictions awaiting labels expired; 0 never runs it on a schedule. */
    @WithDefault("PT1H")
    Duration pruneInterval();

    /** Batches whose results are deleted per statement: a large prune holds its locks only briefly. */
    @WithDefault("500")
    int pruneChunk();
}
