package io.modeltrust.ingest.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowReaderTest {

    @Test
    void readsQuotedFieldsCrlfAndMissingValues() throws IOException {
        String csv = "\uFEFFa,b,c\r\n1,\"x, \"\"quoted\"\"\",\r\n\r\n,\"multi\nline\",3\n";
        CsvRowReader reader = new CsvRowReader(new StringReader(csv));
        assertEquals(List.of("a", "b", "c"), reader.header());
        String[] row = new String[3];
        assertTrue(reader.next(row));
        assertArrayEquals(new String[]{"1", "x, \"quoted\"", null}, row);
        assertTrue(reader.next(row));
        assertArrayEquals(new String[]{null, "multi\nline", "3"}, row);
        assertFalse(reader.next(row));
    }

    @Test
    void fieldsSpanningBufferBoundariesAreIntact() throws IOException {
        StringBuilder csv = new StringBuilder("v\n");
        String longValue = "z".repeat(100_000);
        csv.append(longValue).append('\n').append("tail\n");
        CsvRowReader reader = new CsvRowReader(new StringReader(csv.toString()));
        reader.header();
        String[] row = new String[1];
        assertTrue(reader.next(row));
        assertEquals(longValue, row[0]);
        assertTrue(reader.next(row));
        assertEquals("tail", row[0]);
    }

    @Test
    void wrongFieldCountIsARowProblem() throws IOException {
        CsvRowReader reader = new CsvRowReader(new StringReader("a,b\n1\n1,2,3\n"));
        reader.header();
        Problems problems = new Problems();
        String[] row = new String[2];
        reader.next(row);
        reader.drainRowProblems(1, problems);
        reader.next(row);
        reader.drainRowProblems(2, problems);
        assertEquals(2, problems.total());
    }

    @Test
    void brokenQuotingIsMalformed() {
        assertThrows(MalformedUploadException.class, () -> {
            CsvRowReader reader = new CsvRowReader(new StringReader("a\n\"open"));
            reader.header();
            reader.next(new String[1]);
        });
        assertThrows(MalformedUploadException.class, () -> {
            CsvRowReader reader = new CsvRowReader(new StringReader("a\n\"x\"y\n"));
            reader.header();
            reader.next(new String[1]);
        });
        assertThrows(MalformedUploadException.class, () -> new CsvRowReader(new StringReader("")).header());
    }
}
