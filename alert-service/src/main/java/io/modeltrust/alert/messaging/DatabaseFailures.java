package io.modeltrust.alert.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Tells an unreachable or overloaded database (wait and retry the same records) from a failure the
 * records themselves cause (isolate them and dead-letter the culprit).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientException) {
                return true;
            }
            if (t.getClass().getName().startsWith("jakarta.transaction.")) {
                return true; // commit or timeout trouble of the transaction manager
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // No state: pool acquisition timeouts and I/O errors; 08 connection, 40 rollback (deadlock,
                // serialization), 53 insufficient resources, 57 operator intervention (shutdown), 58 system error.
                if (state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57") || state.startsWith("58")) {
                    return true;
                }
                return false;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
