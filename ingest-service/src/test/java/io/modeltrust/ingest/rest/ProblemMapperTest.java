package io.modeltrust.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modeltrust.security.ProblemMapper;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** A database that is away is a 503 with Retry-After (the producer retries), not a 500. */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void databaseShutDownUnderAnOpenConnectionIs503() {
        // What PostgreSQL's "pg_ctl stop -m fast" looks like through Hibernate: FATAL 57P01, not a connection class.
        var failure = new GenericJDBCException("JDBC exception executing SQL",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        assertUnavailable(mapper.toResponse(failure));
    }

    @Test
    void commitTheDatabaseDroppedIs503() {
        // As seen in the fault suite: the PSQLException hangs off the commit's XAException as *suppressed*.
        var xa = new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction");
        xa.addSuppressed(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        var rollback = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertUnavailable(mapper.toResponse(new RuntimeException("Error invoking subclass method", rollback)));
    }

    @Test
    void refusedConnectionIs503() {
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("refused"));
        assertUnavailable(mapper.toResponse(new JDBCConnectionException("unable to obtain connection", refused)));
    }

    @Test
    void poolAcquisitionTimeoutIs503() {
        assertUnavailable(mapper.toResponse(new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void aFailureRetryingCannotFixStays500() {
        var duplicate = new GenericJDBCException("insert", new SQLException("duplicate key value", "23505"));
        Response r = mapper.toResponse(duplicate);
        assertEquals(500, r.getStatus());
        assertNull(r.getHeaderString("Retry-After"));
    }

    private static void assertUnavailable(Response r) {
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));
        assertEquals(io.modeltrust.security.ProblemJson.MEDIA_TYPE, r.getMediaType().toString());
    }
}
