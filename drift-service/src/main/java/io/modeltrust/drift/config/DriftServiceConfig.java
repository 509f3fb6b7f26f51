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

    /**
     * Rows of a production batch the moving reference keeps (drift.reference previous/both): a larger
     * batch is kept as a sample of this many of its rows, seeded by its batch id (docs/metrics.md).
     */
    @WithDefault("100000")
    int windowRowsPerBatch();
}
