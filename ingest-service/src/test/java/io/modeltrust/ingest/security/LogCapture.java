package io.modeltrust.ingest.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every log record of the JVM (all categories, every level a logger lets through), as text, while installed. */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();

    static LogCapture install() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getMessage());
        if (record.getParameters() != null) {
            line.append(' ').append(Arrays.toString(record.getParameters()));
        }
        if (record.getThrown() != null) {
            line.append(' ').append(record.getThrown());
        }
        lines.add(line.toString());
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
