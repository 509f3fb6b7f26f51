package io.modeltrust.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problem bodies are for clients: no Java types or library internals, valid JSON whatever the text holds. */
class ProblemJsonTest {

    @Test
    void javaTypesAndLibraryInternalsBecomePlainWords() {
        assertEquals("Cannot deserialize value of type an array from Object value (line 1, column 14)",
                ProblemJson.clean("Cannot deserialize value of type `java.util.ArrayList<io.modeltrust.model.spec."
                        + "FeatureSpec>` from Object value (token `JsonToken.START_OBJECT`)\n at [Source: REDACTED; line: 1,"
                        + " column: 14] (through reference chain: io.modeltrust.model.spec.ModelSpec[\"features\"])")
                        );
        assertEquals("Name length (50001) exceeds the maximum allowed (50000)",
                ProblemJson.clean("Name length (50001) exceeds the maximum allowed (50000, from "
                        + "`StreamReadConstraints.getMaxNameLength()`)"));
        assertEquals("Cannot coerce a string to a number", ProblemJson.clean("Cannot coerce `java.lang.String` to `double`"));
        assertTrue(ProblemJson.clean("The content-type header value did not match the value in @Consumes")
                .startsWith("The request's Content-Type is not one this endpoint accepts"));
    }

    @Test
    void theBodyIsJsonWithTheErrorsListed() {
        String body = ProblemJson.body(400, "Bad request", "two \"problems\"\u0000",
                List.of(new ApiProblem.FieldError(3L, "income", "not a finite number: 'x'"),
                        new ApiProblem.FieldError(null, null, "line\nbreak")), 7);
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,\"detail\":\"two \\\"problems\\\"\\u0000\","
                + "\"errors\":[{\"row\":3,\"column\":\"income\",\"message\":\"not a finite number: 'x'\"},"
                + "{\"row\":null,\"column\":null,\"message\":\"line\\nbreak\"}],\"totalErrors\":7}", body);
    }

    @Test
    void controlCharactersInAPathOrQueryAreFound() {
        assertTrue(ControlCharacterFilter.holdsControl("/api/v1/models/a%00b"));
        assertTrue(ControlCharacterFilter.holdsControl("status=open%0A"));
        assertTrue(ControlCharacterFilter.holdsControl("/api/v1/models/x%7f"));
        assertFalse(ControlCharacterFilter.holdsControl("/api/v1/models/credit-v2/batches"));
        assertFalse(ControlCharacterFilter.holdsControl("feature=%C3%A9t%C3%A9&group=a%20b"));
        assertFalse(ControlCharacterFilter.holdsControl(null));
    }

    @Test
    void oneClassifierForEveryService() {
        assertTrue(Failures.isTransient(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(Failures.isTransient(new RuntimeException(new SQLException("Acquisition timeout while waiting"))));
        assertTrue(Failures.isTransient(new IllegalStateException(new ConnectException("refused"))));
        assertTrue(Failures.isTransient(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(Failures.isTransient(new SQLException("deadlock detected", "40P01")));
        RuntimeException dropped = new RuntimeException("commit");
        Exception xa = new Exception("XA");
        xa.addSuppressed(new SQLException("FATAL: terminating connection", "57P01"));
        dropped.addSuppressed(xa);
        assertTrue(Failures.isTransient(dropped), "a commit the database dropped hides its cause in suppressed");
        assertFalse(Failures.isTransient(new RuntimeException(new SQLException("invalid byte sequence 0x00", "22021"))));
        assertFalse(Failures.isTransient(new SQLException("duplicate key value", "23505")));
        assertFalse(Failures.isTransient(new IllegalStateException("bug")));
    }
}
