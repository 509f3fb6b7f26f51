package io.modeltrust.drift.profile;

import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.NumericColumn;

/** Some rows of a column, in the order given: a segment's rows, a kept batch's sample. */
public final class ColumnRows {

    private ColumnRows() {
    }

    public static Column subset(Column column, int[] rows) {
        if (column instanceof NumericColumn n) {
            double[] values = n.values();
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new NumericColumn(out);
        }
        CategoricalColumn c = (CategoricalColumn) column;
        int[] codes = c.codes();
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[rows[i]];
        }
        return new CategoricalColumn(c.dictionary(), out);
    }
}
