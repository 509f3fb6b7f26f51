package io.modeltrust.fairness.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the fairness service; every key can be overridden by env (FAIRNESS_…). */
@ConfigMapping(prefix = "fairness")
public interface FairnessServiceConfig {

    /** Baselines (fairness figures of a reference version) kept in memory. */
    @WithDefault("16")
    int baselineCacheSize();

    /**
     * How long the predictions and group codes of a production batch are kept so that delayed
     * labels can recompute its label-dependent figures; later labels no longer change its result.
     */
    @WithDefault("P90D")
    Duration predictionRetention();
}
