package io.modeltrust.ingest.upload;

import java.util.List;

/**
 * A fully parsed and validated upload, encoded and waiting to be published. Nothing reaches Kafka
 * before the whole body has been read and found valid.
 *
 * @param idHashes 64-bit hashes of the id column, in row order, or null when the batch has none
 */
public record StagedBatch(String batchId, long rows, List<byte[]> chunks, long[] idHashes) {
}
