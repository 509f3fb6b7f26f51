package io.modeltrust.model.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a whole batch (full-length columns) into the records that travel on monitoring.batches:
 * header, chunks of at most {@code chunkRows} rows, seal. For producers that already hold the data
 * in memory, such as test drivers and tools; ingest streams its own chunks instead.
 */
public final class BatchWriter {

    private BatchWriter() {
    }

    public static List<BatchRecord> records(BatchHeader header, List<Column> columns, int chunkRows) {
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        List<BatchRecord> out = new ArrayList<>();
        out.add(header);
        int chunks = 0;
        for (int from = 0; from < rows; from += chunkRows) {
            int to = Math.min(rows, from + chunkRows);
            List<Column> slice = new ArrayList<>(columns.size());
            for (Column c : columns) {
                slice.add(slice(c, from, to));
            }
            out.add(new DataChunk(header.batchId(), chunks++, from, to - from, slice));
        }
        out.add(new BatchSeal(null, header.schemaVersion(), header.eventId() + "-seal", header.modelId(),
                header.batchId(), header.kind(), rows, chunks));
        return out;
    }

    private static Column slice(Column column, int from, int to) {
        if (column instanceof NumericColumn n) {
            return new NumericColumn(Arrays.copyOfRange(n.values(), from, to));
        }
        CategoricalColumn c = (CategoricalColumn) column;
        return new CategoricalColumn(c.dictionary(), Arrays.copyOfRange(c.codes(), from, to));
    }
}
