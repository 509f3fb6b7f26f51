package io.modeltrust.model.batch;

/** Closes a batch; its counts let consumers prove they saw every chunk. */
public record BatchSeal(
        String record,
        int schemaVersion,
        String eventId,
        String modelId,
        String batchId,
        BatchKind kind,
        long rows,
        int chunks) implements BatchRecord {

    public static final String RECORD = "seal";

    public BatchSeal {
        record = RECORD;
    }
}
