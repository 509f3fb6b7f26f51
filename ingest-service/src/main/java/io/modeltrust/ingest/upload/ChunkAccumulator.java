package io.modeltrust.ingest.upload;

import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.ChunkCodec;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.DataChunk;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.spec.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the rows of the chunk being filled, column by column in primitive arrays, and encodes it
 * when it is full. Dictionaries are per chunk, so a chunk decodes on its own.
 */
final class ChunkAccumulator {

    private final String batchId;
    private final ColumnType[] types;
    private final int capacity;
    private final boolean deflate;
    /** First allocation per column: a wide model's small upload must not reserve a full chunk per column. */
    static final int INITIAL_ROWS = 256;

    private final double[][] numbers;
    private final int[][] codes;
    private final List<Map<String, Integer>> dictionaries = new ArrayList<>();
    private int rows;
    private long bytes;
    private long firstRow;
    private int chunkIndex;

    ChunkAccumulator(String batchId, ColumnType[] types, int capacity, boolean deflate) {
        this.batchId = batchId;
        this.types = types;
        this.capacity = capacity;
        this.deflate = deflate;
        this.numbers = new double[types.length][];
        this.codes = new int[types.length][];
        int initial = Math.min(capacity, INITIAL_ROWS);
        for (int c = 0; c < types.length; c++) {
            if (types[c] == ColumnType.NUMERIC) {
                numbers[c] = new double[initial];
            } else {
                codes[c] = new int[initial];
            }
            dictionaries.add(new HashMap<>());
        }
    }

    /** Doubles every column's arrays (up to the chunk's capacity) once the rows read fill them. */
    private void grow() {
        for (int c = 0; c < types.length; c++) {
            if (numbers[c] != null) {
                numbers[c] = Arrays.copyOf(numbers[c], Math.min(capacity, numbers[c].length * 2));
            } else {
                codes[c] = Arrays.copyOf(codes[c], Math.min(capacity, codes[c].length * 2));
            }
        }
    }

    private int allocated() {
        return numbers.length == 0 ? capacity : (numbers[0] != null ? numbers[0].length : codes[0].length);
    }

    void setNumber(int column, double value) {
        numbers[column][rows] = value;
        bytes += 8;
    }

    void setCategory(int column, String value) {
        if (value == null) {
            codes[column][rows] = CategoricalColumn.MISSING;
            bytes += 1;
            return;
        }
        Map<String, Integer> dictionary = dictionaries.get(column);
        Integer code = dictionary.get(value);
        if (code == null) {
            code = dictionary.size();
            dictionary.put(value, code);
            bytes += 8 + 3L * value.length();
        }
        codes[column][rows] = code;
        bytes += 2;
    }

    /** Ends the current row; true when the chunk is now full (by rows or by bytes). */
    boolean endRow(long maxBytes) {
        rows++;
        boolean full = rows == capacity || bytes >= maxBytes;
        if (!full && rows == allocated()) {
            grow();
        }
        return full;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    /** Estimated encoded size of the rows so far. */
    long bytes() {
        return bytes;
    }

    int rows() {
        return rows;
    }

    /** Encodes the chunk and starts the next one. */
    byte[] flush() {
        List<Column> columns = new ArrayList<>(types.length);
        for (int c = 0; c < types.length; c++) {
            if (types[c] == ColumnType.NUMERIC) {
                columns.add(new NumericColumn(Arrays.copyOf(numbers[c], rows)));
            } else {
                String[] dictionary = new String[dictionaries.get(c).size()];
                dictionaries.get(c).forEach((value, code) -> dictionary[code] = value);
                columns.add(new CategoricalColumn(dictionary, Arrays.copyOf(codes[c], rows)));
                dictionaries.get(c).clear();
            }
        }
        byte[] encoded = ChunkCodec.encode(new DataChunk(batchId, chunkIndex, firstRow, rows, columns), deflate);
        chunkIndex++;
        firstRow += rows;
        rows = 0;
        bytes = 0;
        return encoded;
    }
}
