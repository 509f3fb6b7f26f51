package io.modeltrust.drift.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the drift service; every key can be overridden by env (DRIFT_…). */
@ConfigMapping(prefix = "drift")
public interface DriftServiceConfig {

    /** A batch that receives no record for this long is given up (its producer died half-way). */
    @WithDefault("PT10M")
    Duration batchIdleTimeout();

    /** Longest pause between retries while the database or the broker is away. */
    @WithDefault("PT5S")
    Duration maxRetryBackoff();

    /** Reference profiles kept in memory, by model and reference version. */
    @WithDefault("8")
    int profileCacheSize();
}
