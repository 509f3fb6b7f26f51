package io.modeltrust.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How long the history is kept; env HISTORY_RETENTION, HISTORY_PRUNE_INTERVAL, HISTORY_PRUNE_CHUNK. */
@ConfigMapping(prefix = "history")
public interface HistoryConfig {

    /** Results, timelines and resolved alerts older than this are deleted (ISO-8601, e.g. P400D); 0 or empty keeps everything. */
    Optional<Duration> retention();

    /** How often the retention job runs; 0 never runs it on a schedule. */
    @WithDefault("PT1H")
    Duration pruneInterval();

    /** Batches of a timeline, or alerts, deleted per transaction: a large prune holds its locks only briefly. */
    @WithDefault("500")
    int pruneChunk();
}
