package io.modeltrust.model.batch;

import java.util.List;

/** A slice of a batch's rows, one array per column in the header's column order. */
public record DataChunk(String batchId, int chunkIndex, long firstRow, int rowCount, List<Column> columns)
        implements BatchRecord {
}
