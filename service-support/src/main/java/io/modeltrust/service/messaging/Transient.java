package io.modeltrust.service.messaging;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/** Failures that go away by themselves (database or broker unreachable): retry, never dead-letter. */
public final class Transient {

    private Transient() {
    }

    public static boolean test(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    return true;
                }
            }
            if (t.getClass().getSimpleName().equals("JDBCConnectionException") || t instanceof RetriableException
                    || t instanceof TimeoutException || t instanceof java.net.ConnectException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
