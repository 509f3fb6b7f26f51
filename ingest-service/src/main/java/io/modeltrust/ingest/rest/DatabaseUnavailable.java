package io.modeltrust.ingest.rest;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database that is away (refused or dropped connections, shutdown, pool timeout) from a
 * failure a retry will not fix: the first is a 503 the producer should retry, the second a 500.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean test(Throwable failure) {
        return test(failure, 0);
    }

    /**
     * Follows causes and suppressed exceptions: a commit the database dropped arrives as
     * Arc's wrapper around a RollbackException whose XAException carries the PSQLException as
     * suppressed, not as cause.
     */
    private static boolean test(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (isUnavailable(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (test(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable t) {
        if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                || t instanceof JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // No state: Agroal's acquisition timeout; 08 connection, 53 insufficient resources,
            // 57P operator intervention (admin shutdown, crash shutdown, cannot connect now).
            return state == null ? isPoolTimeout(sql) : state.startsWith("08") || state.startsWith("53")
                    || state.startsWith("57P");
        }
        return false;
    }

    private static boolean isPoolTimeout(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("Acquisition timeout");
    }
}
