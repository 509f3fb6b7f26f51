package io.modeltrust.ingest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassValuesTest {

    @Test
    void numbersMatchByValueAndTakeTheDeclaredSpelling() {
        ClassValues classes = ClassValues.closed(List.of("0", "1"));
        assertEquals("1", classes.match("1.0"));
        assertEquals("1", classes.match("1e0"));
        assertEquals("0", classes.match("0.00"));
        assertEquals("0", classes.match("-0"));
        assertNull(classes.match("2"));
        assertNull(classes.match("yes"));
        assertNull(classes.match("1 "), "only plain decimals match by value");
    }

    @Test
    void stringsThatLookNumericStayDistinctWhenTheyDiffer() {
        ClassValues classes = ClassValues.closed(List.of("10", "2", "1.5"));
        assertEquals("2", classes.match("2.0"));
        assertEquals("1.5", classes.match("1.50"));
        assertNull(classes.match("1"));
    }

    @Test
    void openClassesKeepOneCanonicalSpellingPerValue() {
        ClassValues open = ClassValues.open(List.of("1"));
        assertEquals("1", open.match("1.0"));
        assertEquals("0", open.match("0.0"));
        assertEquals("0", open.match("0"));
        assertEquals("0.5", open.match("0.50"));
        assertEquals("no", open.match("no"));
    }

    @Test
    void sameClass() {
        assertTrue(ClassValues.sameClass("1", "1.00"));
        assertFalse(ClassValues.sameClass("1", "01a"));
        assertFalse(ClassValues.sameClass("yes", "Yes"));
    }

    @Test
    void duplicateIdsNameTheirFirstRow() {
        Problems problems = new Problems();
        DuplicateIds.report(new long[]{5, 7, 5, 0, 0, 7, 5, 9}, 8, "id", problems);
        assertEquals(3, problems.total(), "rows 3, 6 and 7 repeat an id; missing ids (0) are not ids");
        assertEquals(3L, problems.kept().get(0).row());
        assertTrue(problems.kept().get(0).message().contains("row 1"));
        assertEquals(6L, problems.kept().get(1).row());
        assertTrue(problems.kept().get(1).message().contains("row 2"));
    }
}
