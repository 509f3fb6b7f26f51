package io.modeltrust.model.batch;

/** Numbers as doubles; NaN marks a missing value. */
public record NumericColumn(double[] values) implements Column {

    @Override
    public int size() {
        return values.length;
    }
}
