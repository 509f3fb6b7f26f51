package io.modeltrust.drift.segments;

/**
 * The rows of each value of one categorical column, found in one pass over its codes. Columnar: a
 * segment is an {@code int[]} of row indices.
 */
public final class SegmentRows {

    private final int[][] rowsByCode;

    private SegmentRows(int[][] rowsByCode) {
        this.rowsByCode = rowsByCode;
    }

    /** @param codes one code per row into a dictionary of {@code dictionarySize} values, -1 = missing */
    public static SegmentRows of(int[] codes, int dictionarySize) {
        int[] counts = new int[dictionarySize];
        for (int c : codes) {
            if (c >= 0) {
                counts[c]++;
            }
        }
        int[][] rows = new int[dictionarySize][];
        for (int k = 0; k < dictionarySize; k++) {
            rows[k] = new int[counts[k]];
        }
        int[] filled = new int[dictionarySize];
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c >= 0) {
                rows[c][filled[c]++] = i;
            }
        }
        return new SegmentRows(rows);
    }

    /** The rows whose code is {@code code}, ascending; empty for a code out of range. */
    public int[] rows(int code) {
        return code >= 0 && code < rowsByCode.length ? rowsByCode[code] : new int[0];
    }

    public int size(int code) {
        return rows(code).length;
    }

    /** The code of {@code value} in {@code dictionary}, or -1 when the batch has no such value. */
    public static int codeOf(String[] dictionary, String value) {
        for (int k = 0; k < dictionary.length; k++) {
            if (dictionary[k].equals(value)) {
                return k;
            }
        }
        return -1;
    }
}
