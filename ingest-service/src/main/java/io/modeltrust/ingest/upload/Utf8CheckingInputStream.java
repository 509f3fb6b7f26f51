package io.modeltrust.ingest.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;

/**
 * Passes bytes through unchanged and fails on the first byte that is not well-formed UTF-8
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF, no cut-off sequence at the
 * end). Jackson's byte parser decodes such bytes leniently into different characters, so JSON
 * bodies are checked here, as strictly as the CSV decoder checks CSV.
 */
public final class Utf8CheckingInputStream extends FilterInputStream {

    /** Continuation bytes the current sequence still needs. */
    private int pending;
    /** Allowed range of the next continuation byte. */
    private int lower = 0x80;
    private int upper = 0xBF;

    public Utf8CheckingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check(b);
        } else if (pending > 0) {
            throw new MalformedInputException(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0 && pending > 0) {
            throw new MalformedInputException(1);
        }
        for (int i = offset, end = offset + Math.max(n, 0); i < end; i++) {
            int b = buffer[i];
            if (b >= 0 && pending == 0) {
                continue;
            }
            check(b & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes would go unchecked; read them instead
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(int b) throws MalformedInputException {
        if (pending > 0) {
            if (b < lower || b > upper) {
                throw new MalformedInputException(1);
            }
            pending--;
            lower = 0x80;
            upper = 0xBF;
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            expect(1, 0x80, 0xBF);
        } else if (b == 0xE0) {
            expect(2, 0xA0, 0xBF);
        } else if (b == 0xED) {
            expect(2, 0x80, 0x9F);
        } else if (b >= 0xE1 && b <= 0xEF) {
            expect(2, 0x80, 0xBF);
        } else if (b == 0xF0) {
            expect(3, 0x90, 0xBF);
        } else if (b >= 0xF1 && b <= 0xF3) {
            expect(3, 0x80, 0xBF);
        } else if (b == 0xF4) {
            expect(3, 0x80, 0x8F);
        } else {
            throw new MalformedInputException(1);
        }
    }

    private void expect(int continuations, int firstLower, int firstUpper) {
        pending = continuations;
        lower = firstLower;
        upper = firstUpper;
    }
}
