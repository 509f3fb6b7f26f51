package io.modeltrust.model.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the records of batches read from monitoring.batches and hands back each batch once its
 * seal arrives. Records of different batches may interleave; records of one batch arrive in order
 * (one partition per model). Not thread-safe: one assembler per consuming thread.
 */
public final class BatchAssembler {

    private final Map<String, Partial> open = new LinkedHashMap<>();

    /** Feeds one record; returns the batch when this record completed it. */
    public Optional<AssembledBatch> accept(BatchRecord record, Instant now) {
        if (record instanceof BatchHeader header) {
            open.put(header.batchId(), new Partial(header, now));
            return Optional.empty();
        }
        Partial partial = open.get(record.batchId());
        if (partial == null) {
            throw new BatchFormatException("record for batch " + record.batchId() + " arrived without its header");
        }
        partial.lastSeen = now;
        if (record instanceof DataChunk chunk) {
            partial.add(chunk);
            return Optional.empty();
        }
        BatchSeal seal = (BatchSeal) record;
        open.remove(seal.batchId());
        return Optional.of(partial.complete(seal));
    }

    /** True when a header for this batch was seen and the batch is not complete yet. */
    public boolean isOpen(String batchId) {
        return open.containsKey(batchId);
    }

    public void discard(String batchId) {
        open.remove(batchId);
    }

    /**
     * Drops batches that saw no record for longer than {@code maxIdle}: a producer that failed
     * half-way never sends the seal, and such a batch must not hold memory or offsets forever.
     */
    public List<String> expire(Instant now, Duration maxIdle) {
        List<String> expired = new ArrayList<>();
        for (Iterator<Map.Entry<String, Partial>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Partial> e = it.next();
            if (e.getValue().lastSeen.plus(maxIdle).isBefore(now)) {
                expired.add(e.getKey());
                it.remove();
            }
        }
        return expired;
    }

    public int openBatches() {
        return open.size();
    }

    private static final class Partial {
        private final BatchHeader header;
        private final List<DataChunk> chunks = new ArrayList<>();
        private Instant lastSeen;

        Partial(BatchHeader header, Instant now) {
            this.header = header;
            this.lastSeen = now;
        }

        void add(DataChunk chunk) {
            if (chunk.chunkIndex() != chunks.size()) {
                throw new BatchFormatException("batch " + header.batchId() + ": chunk " + chunk.chunkIndex()
                        + " arrived, expected " + chunks.size());
            }
            if (chunk.columns().size() != header.columns().size()) {
                throw new BatchFormatException("batch " + header.batchId() + ": chunk has "
                        + chunk.columns().size() + " columns, header " + header.columns().size());
            }
            chunks.add(chunk);
        }

        AssembledBatch complete(BatchSeal seal) {
            long rows = 0;
            for (DataChunk c : chunks) {
                rows += c.rowCount();
            }
            if (seal.chunks() != chunks.size() || seal.rows() != rows) {
                throw new BatchFormatException("batch " + header.batchId() + " sealed with " + seal.chunks()
                        + " chunks / " + seal.rows() + " rows but " + chunks.size() + " / " + rows + " arrived");
            }
            List<Column> columns = new ArrayList<>(header.columns().size());
            for (int c = 0; c < header.columns().size(); c++) {
                columns.add(concat(c, (int) rows));
            }
            return new AssembledBatch(header, seal, List.copyOf(columns));
        }

        private Column concat(int columnIndex, int rows) {
            boolean numeric = chunks.isEmpty()
                    ? header.columns().get(columnIndex).type() == io.modeltrust.model.spec.ColumnType.NUMERIC
                    : chunks.get(0).columns().get(columnIndex) instanceof NumericColumn;
            if (numeric) {
                double[] all = new double[rows];
                int at = 0;
                for (DataChunk chunk : chunks) {
                    if (!(chunk.columns().get(columnIndex) instanceof NumericColumn n)) {
                        throw new BatchFormatException("column " + columnIndex + " changes type between chunks");
                    }
                    System.arraycopy(n.values(), 0, all, at, n.values().length);
                    at += n.values().length;
                }
                return new NumericColumn(all);
            }
            Map<String, Integer> dictionary = new HashMap<>();
            List<String> values = new ArrayList<>();
            int[] codes = new int[rows];
            int at = 0;
            for (DataChunk chunk : chunks) {
                if (!(chunk.columns().get(columnIndex) instanceof CategoricalColumn cat)) {
                    throw new BatchFormatException("column " + columnIndex + " changes type between chunks");
                }
                int[] remap = new int[cat.dictionary().length];
                for (int i = 0; i < remap.length; i++) {
                    String value = cat.dictionary()[i];
                    remap[i] = dictionary.computeIfAbsent(value, v -> {
                        values.add(v);
                        return values.size() - 1;
                    });
                }
                for (int code : cat.codes()) {
                    codes[at++] = code < 0 ? CategoricalColumn.MISSING : remap[code];
                }
            }
            return new CategoricalColumn(values.toArray(String[]::new), codes);
        }
    }
}
