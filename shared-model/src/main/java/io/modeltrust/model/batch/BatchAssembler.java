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
 * seal arrives, together with the handles (for example the Kafka messages to acknowledge) of every
 * record that made it. Records of different batches may interleave; records of one batch arrive in
 * order (one partition per model). Not thread-safe: one assembler per consuming thread.
 *
 * @param <H> what the caller needs to settle a record once its batch is done with
 */
public final class BatchAssembler<H> {

    /** A sealed batch and the handles of all its records, header first, seal last. */
    public record Completed<H>(AssembledBatch batch, List<H> handles) {
    }

    /** A batch given up on, and the handles of the records it had. */
    public record Expired<H>(String batchId, List<H> handles) {
    }

    private final Map<String, Partial<H>> open = new LinkedHashMap<>();

    /** Feeds one record; returns the batch when this record completed it. */
    public Optional<Completed<H>> accept(BatchRecord record, Instant now, H handle) {
        if (record instanceof BatchHeader header) {
            Partial<H> previous = open.put(header.batchId(), new Partial<>(header, now));
            open.get(header.batchId()).handles.add(handle);
            if (previous != null) {
                // A re-sent header restarts the batch; the old records are settled with the new ones.
                open.get(header.batchId()).handles.addAll(0, previous.handles);
            }
            return Optional.empty();
        }
        Partial<H> partial = open.get(record.batchId());
        if (partial == null) {
            throw new BatchFormatException("record for batch " + record.batchId() + " arrived without its header");
        }
        partial.lastSeen = now;
        partial.handles.add(handle);
        if (record instanceof DataChunk chunk) {
            try {
                partial.add(chunk);
            } catch (BatchFormatException e) {
                partial.handles.remove(partial.handles.size() - 1);
                throw e;
            }
            return Optional.empty();
        }
        BatchSeal seal = (BatchSeal) record;
        open.remove(seal.batchId());
        try {
            return Optional.of(new Completed<>(partial.complete(seal), List.copyOf(partial.handles)));
        } catch (BatchFormatException e) {
            throw new InvalidBatchException(e.getMessage(), List.copyOf(partial.handles));
        }
    }

    /** A sealed batch that does not add up; carries the handles of all its records. */
    public static final class InvalidBatchException extends BatchFormatException {
        private final transient List<?> handles;

        InvalidBatchException(String message, List<?> handles) {
            super(message);
            this.handles = handles;
        }

        @SuppressWarnings("unchecked")
        public <H> List<H> handles() {
            return (List<H>) handles;
        }
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
    public List<Expired<H>> expire(Instant now, Duration maxIdle) {
        List<Expired<H>> expired = new ArrayList<>();
        for (Iterator<Map.Entry<String, Partial<H>>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Partial<H>> e = it.next();
            if (e.getValue().lastSeen.plus(maxIdle).isBefore(now)) {
                expired.add(new Expired<>(e.getKey(), List.copyOf(e.getValue().handles)));
                it.remove();
            }
        }
        return expired;
    }

    public int openBatches() {
        return open.size();
    }

    private static final class Partial<H> {
        private final BatchHeader header;
        private final List<DataChunk> chunks = new ArrayList<>();
        private final List<H> handles = new ArrayList<>();
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
