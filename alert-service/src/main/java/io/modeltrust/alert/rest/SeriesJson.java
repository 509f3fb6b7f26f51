package io.modeltrust.alert.rest;

import io.modeltrust.security.JsonStrings;

import io.modeltrust.alert.history.VectorStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a time series straight to UTF-8 bytes. A series answer can hold 100,000 points; writing
 * them without a serialiser, a DateTimeFormatter per instant or an intermediate String keeps the
 * 10,000-batch query well inside its latency budget, where generic serialisation was the bulk of it.
 */
final class SeriesJson {

    private byte[] buf;
    private int len;

    private SeriesJson(int capacity) {
        buf = new byte[capacity];
    }

    static byte[] write(List<VectorStore.SeriesPoint> points) {
        SeriesJson out = new SeriesJson(points.size() * 72 + 2);
        out.ascii("[");
        for (int i = 0; i < points.size(); i++) {
            VectorStore.SeriesPoint p = points.get(i);
            out.ascii(i == 0 ? "{\"batchId\":" : ",{\"batchId\":");
            out.string(p.batchId());
            out.ascii(",\"at\":\"");
            out.instant(p.at());
            out.ascii("\",\"value\":");
            out.ascii(Double.toString(p.value()));
            out.ascii("}");
        }
        out.ascii("]");
        return Arrays.copyOf(out.buf, out.len);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void string(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
                byte[] quoted = JsonStrings.quote(s).getBytes(StandardCharsets.UTF_8);
                ensure(quoted.length);
                System.arraycopy(quoted, 0, buf, len, quoted.length);
                len += quoted.length;
                return;
            }
        }
        ensure(s.length() + 2);
        buf[len++] = '"';
        ascii(s);
        buf[len++] = '"';
    }

    /** As Instant.toString (ISO-8601, UTC, fraction in groups of three digits when present) for years 0–9999. */
    private void instant(Instant t) {
        long seconds = t.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            ascii(t.toString());
            return;
        }
        ensure(30);
        digits(date.getYear(), 4);
        buf[len++] = '-';
        digits(date.getMonthValue(), 2);
        buf[len++] = '-';
        digits(date.getDayOfMonth(), 2);
        buf[len++] = 'T';
        digits(secondOfDay / 3600, 2);
        buf[len++] = ':';
        digits(secondOfDay / 60 % 60, 2);
        buf[len++] = ':';
        digits(secondOfDay % 60, 2);
        int nanos = t.getNano();
        if (nanos != 0) {
            buf[len++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(nanos / 1000, 6);
            } else {
                digits(nanos, 9);
            }
        }
        buf[len++] = 'Z';
    }

    private void digits(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buf[len + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        len += width;
    }
}
