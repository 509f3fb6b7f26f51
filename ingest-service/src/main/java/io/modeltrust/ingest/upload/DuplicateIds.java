package io.modeltrust.ingest.upload;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds ids that stand in more than one row of an upload. A delayed label is joined to its row by id,
 * so a repeated id would let one label mark several predictions, or one row carry two labels.
 */
final class DuplicateIds {

    private DuplicateIds() {
    }

    /** Adds a problem for every row whose id (hash; 0 = none) an earlier row of the upload already has. */
    static void report(long[] ids, int rows, String column, Problems problems) {
        long[] sorted = Arrays.copyOf(ids, rows);
        Arrays.sort(sorted);
        int duplicated = 0;
        for (int i = 1; i < rows; i++) {
            if (sorted[i] == sorted[i - 1] && sorted[i] != 0L && (duplicated == 0 || sorted[duplicated - 1] != sorted[i])) {
                sorted[duplicated++] = sorted[i]; // compacts in place: the slots before i are no longer read
            }
        }
        if (duplicated == 0) {
            return;
        }
        long[] repeated = Arrays.copyOf(sorted, duplicated);
        Map<Long, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            if (Arrays.binarySearch(repeated, ids[i]) >= 0) {
                Integer first = firstRow.putIfAbsent(ids[i], i + 1);
                if (first != null) {
                    problems.add((long) i + 1, column, "the id of row " + first
                            + " again: each id may stand in one row of an upload");
                }
            }
        }
    }
}
