package io.modeltrust.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a metric service consumes monitoring.batches; env overrides PIPELINE_…. */
@ConfigMapping(prefix = "pipeline")
public interface PipelineConfig {

    /** A batch that receives no record for this long is given up (its producer died half-way). */
    @WithDefault("PT10M")
    Duration batchIdleTimeout();

    /** Longest pause between retries while the database or the broker is away. */
    @WithDefault("PT5S")
    Duration maxRetryBackoff();
}
