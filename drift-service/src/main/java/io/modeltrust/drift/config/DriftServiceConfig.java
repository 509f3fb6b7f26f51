package io.modeltrust.drift.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the drift service; every key can be overridden by env (DRIFT_…). */
@ConfigMapping(prefix = "drift")
public interface DriftServiceConfig {

    /** Reference profiles kept in memory, by model and reference version. */
    @WithDefault("8")
    int profileCacheSize();
}
