package io.modeltrust.model.batch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Binary columnar encoding of a {@link DataChunk}: numbers as raw IEEE-754 doubles (bit-exact, NaN
 * for missing), categories as a chunk-local dictionary plus codes in the narrowest width that
 * fits. The body is optionally deflated; the flag byte tells the decoder.
 *
 * <pre>
 * 'M' 'T' 'C' version flags | body
 * body: batchId(utf) chunkIndex(i32) firstRow(i64) rowCount(i32) columnCount(i32) columns...
 * column: 0 | rowCount x f64            (numeric)
 *         1 | dictSize(i32) dict(utf...) width(u8) rowCount x code  (categorical; all-ones = missing)
 * </pre>
 */
public final class ChunkCodec {

    static final byte[] MAGIC = {'M', 'T', 'C'};
    static final byte VERSION = 1;
    private static final byte FLAG_DEFLATE = 1;
    private static final byte NUMERIC = 0;
    private static final byte CATEGORICAL = 1;

    private ChunkCodec() {
    }

    public static boolean looksLikeChunk(byte[] value) {
        return value.length >= 5 && value[0] == MAGIC[0] && value[1] == MAGIC[1] && value[2] == MAGIC[2];
    }

    public static byte[] encode(DataChunk chunk, boolean deflate) {
        byte[] body = encodeBody(chunk);
        byte[] payload = deflate ? deflate(body) : body;
        ByteBuffer out = ByteBuffer.allocate(5 + payload.length);
        out.put(MAGIC).put(VERSION).put(deflate ? FLAG_DEFLATE : 0).put(payload);
        return out.array();
    }

    public static DataChunk decode(byte[] value) {
        if (!looksLikeChunk(value)) {
            throw new BatchFormatException("not a data chunk (bad magic)");
        }
        if (value[3] != VERSION) {
            throw new BatchFormatException("unsupported chunk version " + value[3]);
        }
        try {
            byte[] body = (value[4] & FLAG_DEFLATE) != 0
                    ? inflate(value, 5)
                    : java.util.Arrays.copyOfRange(value, 5, value.length);
            return decodeBody(ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN));
        } catch (RuntimeException | DataFormatException e) {
            throw new BatchFormatException("corrupt data chunk: " + e.getMessage(), e);
        }
    }

    private static byte[] encodeBody(DataChunk chunk) {
        int size = 64 + utfLength(chunk.batchId());
        for (Column c : chunk.columns()) {
            size += 1 + columnSize(c);
        }
        ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        putUtf(buf, chunk.batchId());
        buf.putInt(chunk.chunkIndex()).putLong(chunk.firstRow()).putInt(chunk.rowCount())
                .putInt(chunk.columns().size());
        for (Column c : chunk.columns()) {
            if (c.size() != chunk.rowCount()) {
                throw new IllegalArgumentException("column length " + c.size() + " != rowCount " + chunk.rowCount());
            }
            if (c instanceof NumericColumn n) {
                buf.put(NUMERIC);
                ByteBuffer slice = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
                slice.asDoubleBuffer().put(n.values());
                buf.position(buf.position() + n.values().length * 8);
            } else if (c instanceof CategoricalColumn cat) {
                buf.put(CATEGORICAL).putInt(cat.dictionary().length);
                for (String s : cat.dictionary()) {
                    putUtf(buf, s);
                }
                int width = codeWidth(cat.dictionary().length);
                buf.put((byte) width);
                putCodes(buf, cat.codes(), width);
            }
        }
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    private static DataChunk decodeBody(ByteBuffer buf) {
        String batchId = getUtf(buf);
        int chunkIndex = buf.getInt();
        long firstRow = buf.getLong();
        int rows = buf.getInt();
        int columnCount = buf.getInt();
        if (rows < 0 || columnCount < 0 || columnCount > 100_000) {
            throw new BatchFormatException("implausible chunk dimensions " + rows + "x" + columnCount);
        }
        List<Column> columns = new ArrayList<>(columnCount);
        for (int c = 0; c < columnCount; c++) {
            byte kind = buf.get();
            if (kind == NUMERIC) {
                double[] values = new double[rows];
                buf.slice().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
                buf.position(buf.position() + rows * 8);
                columns.add(new NumericColumn(values));
            } else if (kind == CATEGORICAL) {
                int dictSize = buf.getInt();
                String[] dict = new String[dictSize];
                for (int i = 0; i < dictSize; i++) {
                    dict[i] = getUtf(buf);
                }
                int width = buf.get();
                columns.add(new CategoricalColumn(dict, getCodes(buf, rows, width, dictSize)));
            } else {
                throw new BatchFormatException("unknown column kind " + kind);
            }
        }
        return new DataChunk(batchId, chunkIndex, firstRow, rows, List.copyOf(columns));
    }

    private static int columnSize(Column c) {
        if (c instanceof NumericColumn n) {
            return n.values().length * 8;
        }
        CategoricalColumn cat = (CategoricalColumn) c;
        int size = 5;
        for (String s : cat.dictionary()) {
            size += utfLength(s);
        }
        return size + cat.codes().length * codeWidth(cat.dictionary().length);
    }

    /** Narrowest code width; the all-ones value of each width is reserved for "missing". */
    private static int codeWidth(int dictSize) {
        if (dictSize < 0xFF) {
            return 1;
        }
        return dictSize < 0xFFFF ? 2 : 4;
    }

    private static void putCodes(ByteBuffer buf, int[] codes, int width) {
        switch (width) {
            case 1 -> {
                for (int code : codes) {
                    buf.put((byte) (code < 0 ? 0xFF : code));
                }
            }
            case 2 -> {
                for (int code : codes) {
                    buf.putShort((short) (code < 0 ? 0xFFFF : code));
                }
            }
            default -> {
                for (int code : codes) {
                    buf.putInt(code);
                }
            }
        }
    }

    private static int[] getCodes(ByteBuffer buf, int rows, int width, int dictSize) {
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++) {
            int code = switch (width) {
                case 1 -> {
                    int b = buf.get() & 0xFF;
                    yield b == 0xFF ? -1 : b;
                }
                case 2 -> {
                    int s = buf.getShort() & 0xFFFF;
                    yield s == 0xFFFF ? -1 : s;
                }
                case 4 -> buf.getInt();
                default -> throw new BatchFormatException("bad code width " + width);
            };
            if (code < -1 || code >= dictSize) {
                throw new BatchFormatException("code " + code + " outside dictionary of " + dictSize);
            }
            codes[i] = code;
        }
        return codes;
    }

    private static int utfLength(String s) {
        return 4 + s.length() * 3;
    }

    private static void putUtf(ByteBuffer buf, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        buf.putInt(bytes.length).put(bytes);
    }

    private static String getUtf(ByteBuffer buf) {
        int len = buf.getInt();
        if (len < 0 || len > buf.remaining()) {
            throw new BatchFormatException("bad string length " + len);
        }
        String s = new String(buf.array(), buf.arrayOffset() + buf.position(), len, StandardCharsets.UTF_8);
        buf.position(buf.position() + len);
        return s;
    }

    private static byte[] deflate(byte[] body) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] value, int offset) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(value, offset, value.length - offset);
            ByteArrayOutputStream out = new ByteArrayOutputStream(value.length * 3);
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated deflate stream");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
