package io.modeltrust.ingest.upload;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, comma separators, double-quoted fields with "" as an escaped quote,
 * CRLF or LF line ends. Empty fields are missing values. Blank lines are skipped. Scans a char
 * buffer directly so that a million-row upload costs one String per field and nothing more.
 */
public final class CsvRowReader implements RowReader {

    /** Bigger fields are a malformed upload rather than a memory problem. */
    static final int MAX_FIELD_CHARS = 1 << 20;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private final StringBuilder spill = new StringBuilder();
    private final ArrayList<String> fields = new ArrayList<>();
    private List<String> header;
    private long row;
    private int lastFieldCount;

    public CsvRowReader(Reader in) {
        this.in = in;
    }

    @Override
    public List<String> header() throws IOException {
        if (header == null) {
            if (fill() && buf[pos] == '\uFEFF') {
                pos++;
            }
            if (!readRecord()) {
                throw new MalformedUploadException(0, "the body is empty: a header row is required");
            }
            List<String> names = new ArrayList<>(fields.size());
            for (String f : fields) {
                names.add(f == null ? "" : f.trim());
            }
            header = List.copyOf(names);
        }
        return header;
    }

    @Override
    public boolean next(String[] values) throws IOException {
        header();
        if (!readRecord()) {
            return false;
        }
        row++;
        lastFieldCount = fields.size();
        int n = Math.min(values.length, fields.size());
        for (int i = 0; i < n; i++) {
            values[i] = fields.get(i);
        }
        for (int i = n; i < values.length; i++) {
            values[i] = null;
        }
        return true;
    }

    @Override
    public void drainRowProblems(long dataRow, Problems problems) {
        if (lastFieldCount != header.size()) {
            problems.add(dataRow, null, "expected " + header.size() + " fields, found " + lastFieldCount);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads one record into {@link #fields}; false at end of input. Skips blank lines. */
    private boolean readRecord() throws IOException {
        while (true) {
            fields.clear();
            if (!fill()) {
                return false;
            }
            char c = buf[pos];
            if (c == '\n') {
                pos++;
                continue;
            }
            if (c == '\r') {
                pos++;
                skipLf();
                continue;
            }
            while (true) {
                char end = readField();
                if (end != ',') {
                    return true;
                }
            }
        }
    }

    /** Reads a field into {@link #fields}; returns the character that ended it (',', '\n' or 0 at EOF). */
    private char readField() throws IOException {
        if (!fill()) {
            fields.add(null);
            return 0;
        }
        if (buf[pos] == '"') {
            pos++;
            return readQuoted();
        }
        spill.setLength(0);
        while (true) {
            int start = pos;
            while (pos < limit) {
                char c = buf[pos];
                if (c == ',' || c == '\n' || c == '\r') {
                    String value = take(start, pos);
                    pos++;
                    if (c == '\r') {
                        skipLf();
                        return '\n';
                    }
                    return c;
                }
                pos++;
            }
            spill.append(buf, start, pos - start);
            checkLength(spill.length());
            if (!fill()) {
                fields.add(spill.length() == 0 ? null : spill.toString());
                return 0;
            }
        }
    }

    private String take(int start, int end) {
        String value;
        if (spill.length() > 0) {
            spill.append(buf, start, end - start);
            checkLength(spill.length());
            value = spill.toString();
        } else {
            value = end == start ? null : new String(buf, start, end - start);
        }
        fields.add(value);
        return value;
    }

    private char readQuoted() throws IOException {
        spill.setLength(0);
        while (true) {
            if (!fill()) {
                throw new MalformedUploadException(row + 1, "unterminated quoted field");
            }
            char c = buf[pos++];
            if (c != '"') {
                spill.append(c);
                if (spill.length() > MAX_FIELD_CHARS) {
                    checkLength(spill.length());
                }
                continue;
            }
            if (fill() && buf[pos] == '"') {
                spill.append('"');
                pos++;
                continue;
            }
            fields.add(spill.length() == 0 ? null : spill.toString());
            if (!fill()) {
                return 0;
            }
            char after = buf[pos++];
            if (after == ',') {
                return ',';
            }
            if (after == '\n') {
                return '\n';
            }
            if (after == '\r') {
                skipLf();
                return '\n';
            }
            throw new MalformedUploadException(row + 1, "unexpected character after a closing quote");
        }
    }

    private void checkLength(int length) {
        if (length > MAX_FIELD_CHARS) {
            throw new MalformedUploadException(row + 1, "a field is longer than " + MAX_FIELD_CHARS + " characters");
        }
    }

    private void skipLf() throws IOException {
        if (fill() && buf[pos] == '\n') {
            pos++;
        }
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
