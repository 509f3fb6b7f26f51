package io.modeltrust.model.batch;

/**
 * One record of a batch on monitoring.batches: a header, then data chunks, then a seal. A batch
 * is complete, and may be analysed, only once its seal has arrived.
 */
public sealed interface BatchRecord permits BatchHeader, DataChunk, BatchSeal {

    String batchId();
}
