package io.modeltrust.model.batch;

/** Dictionary-coded strings: {@code dictionary[codes[i]]} is row i's value, -1 is missing. */
public record CategoricalColumn(String[] dictionary, int[] codes) implements Column {

    public static final int MISSING = -1;

    @Override
    public int size() {
        return codes.length;
    }

    /** Row i's value, or null when missing. */
    public String valueAt(int row) {
        int code = codes[row];
        return code == MISSING ? null : dictionary[code];
    }
}
