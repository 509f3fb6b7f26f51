package io.modeltrust.performance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the performance service; every key can be overridden by env (PERFORMANCE_…). */
@ConfigMapping(prefix = "performance")
public interface PerformanceServiceConfig {

    /** Reference baselines kept in memory, by model and reference version. */
    @WithDefault("8")
    int baselineCacheSize();

    /**
     * How long predictions awaiting labels are kept. Older ones (by the time they were stored) are
     * deleted whenever a labels batch is processed; their labels then count as unmatched.
     */
    @WithDefault("P90D")
    Duration predictionRetention();
}
