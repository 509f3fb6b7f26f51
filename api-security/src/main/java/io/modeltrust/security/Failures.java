package io.modeltrust.security;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * The one failure classifier of every service: tells a dependency that is away or overloaded (the database or the
 * broker; wait and retry, answer 503, never dead-letter) from a failure that retrying cannot fix.
 */
public final class Failures {

    private static final int MAX_DEPTH = 16;

    private Failures() {
    }

    /**
     * Follows causes and suppressed exceptions: a commit the database dropped arrives as Arc's wrapper around a
     * RollbackException whose XAException carries the PSQLException as suppressed, not as cause.
     */
    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    private static boolean isTransient(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (isTransientItself(t)) {
                return true;
            }
            if (t instanceof SQLException) {
                return false; // the database said what went wrong, and it is no outage
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof ConnectException || t instanceof SQLTransientException || t instanceof TimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // No state: the pool's acquisition timeout or an I/O error; 08 connection, 40 rollback (deadlock,
            // serialization), 53 insufficient resources, 57 operator intervention (shutdown), 58 system error.
            return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                    || state.startsWith("57") || state.startsWith("58");
        }
        if (t.getMessage() != null && t.getMessage().contains("Acquisition timeout")) {
            return true;
        }
        // By name, so this library needs neither Hibernate nor the Kafka client on its class path.
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            String name = c.getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("org.apache.kafka.common.errors.RetriableException")
                    || name.equals("org.apache.kafka.common.errors.TimeoutException")
                    || name.startsWith("jakarta.transaction.")) { // commit or timeout trouble of the transaction manager
                return true;
            }
        }
        return false;
    }
}
