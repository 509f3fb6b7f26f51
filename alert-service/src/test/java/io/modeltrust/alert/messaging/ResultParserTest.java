package io.modeltrust.alert.messaging;

import io.modeltrust.security.Failures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.history.ResultEvent;
import io.modeltrust.alert.history.Jdbc;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResultParserTest {

    @Test
    void identifyingFieldsWithDefaults() {
        String json = "{\"kind\":\"fairness\",\"modelId\":\"credit\",\"batchId\":\"b1\",\"computedAt\":\"2026-11-21T10:00:05Z\","
                + "\"brandNew\":{\"x\":1}}";
        ResultEvent e = ResultParser.parse(json);
        assertEquals(1, e.revision());
        assertEquals(Instant.parse("2026-11-21T10:00:05Z"), e.at(), "without at, computedAt orders the batch");
        assertEquals("credit:b1:fairness:1", e.eventId());
        assertEquals(json, e.payload(), "stored exactly as received");
    }

    @Test
    void poisonRecords() {
        for (String bad : new String[]{"", "[1,2]", "{\"kind\":\"drift\"}", "{\"kind\":\"drift\",\"modelId\":\"Bad Id\",\"batchId\":\"b\","
                + "\"at\":\"2026-11-21T10:00:00Z\"}", "{\"kind\":\"drift\",\"modelId\":\"m\",\"batchId\":\"b\",\"at\":\"yesterday\"}",
                "{\"kind\":\"drift\",\"modelId\":\"m\",\"batchId\":\"b\"}", "{\"kind\":\"drift\",\"modelId\":\"m\",\"batchId\":\"b\","
                + "\"at\":\"2026-11-21T10:00:00Z\",\"revision\":0}"}) {
            assertThrows(PoisonResultException.class, () -> ResultParser.parse(bad), bad);
        }
    }

    @Test
    void databaseOutagesAreTransientDataErrorsAreNot() {
        assertTrue(Failures.isTransient(new Jdbc.DataAccessException(new SQLException("refused", "08001"))));
        assertTrue(Failures.isTransient(new RuntimeException(new SQLException("Acquisition timeout"))));
        assertTrue(Failures.isTransient(new RuntimeException(new ConnectException("refused"))));
        assertTrue(Failures.isTransient(new Jdbc.DataAccessException(new SQLException("shutdown", "57P01"))));
        assertFalse(Failures.isTransient(new Jdbc.DataAccessException(new SQLException("too long", "22001"))));
        assertFalse(Failures.isTransient(new IllegalStateException("bug")));
    }
}
