package io.modeltrust.drift.profile;

import io.modeltrust.drift.stats.CategoricalReferenceProfile;
import io.modeltrust.drift.stats.ColumnInput;
import io.modeltrust.drift.stats.NumericReferenceProfile;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.NumericColumn;

/** One reference column's profile; exactly one of numeric / categorical is set. */
public record ColumnProfile(String column, ColumnRole role, NumericReferenceProfile numeric,
                            CategoricalReferenceProfile categorical) {

    private static final String NUMERIC = "numeric";

    /** The profile of one column's values (a whole reference, a segment's rows, a kept batch). */
    public static ColumnProfile of(String name, ColumnRole role, Column values) {
        if (values instanceof NumericColumn n) {
            return new ColumnProfile(name, role, NumericReferenceProfile.of(n.values()), null);
        }
        CategoricalColumn c = (CategoricalColumn) values;
        return new ColumnProfile(name, role, null, CategoricalReferenceProfile.of(c.dictionary(), c.codes()));
    }

    /** A stored profile of {@link #type()} {@code type}. */
    public static ColumnProfile fromBytes(String name, ColumnRole role, String type, byte[] bytes) {
        return NUMERIC.equals(type) ? new ColumnProfile(name, role, NumericReferenceProfile.fromBytes(bytes), null)
                : new ColumnProfile(name, role, null, CategoricalReferenceProfile.fromBytes(bytes));
    }

    public boolean isNumeric() {
        return numeric != null;
    }

    /** "numeric" or "categorical", as the profile tables store it. */
    public String type() {
        return isNumeric() ? NUMERIC : "categorical";
    }

    /** A production column paired with this profile for comparison; null when the column changed type. */
    public ColumnInput input(Column production) {
        if (isNumeric() && production instanceof NumericColumn n) {
            return new ColumnInput.Numeric(column, numeric, n.values());
        }
        if (!isNumeric() && production instanceof CategoricalColumn c) {
            return new ColumnInput.Categorical(column, categorical, c.dictionary(), c.codes());
        }
        return null;
    }

    public byte[] toBytes() {
        return isNumeric() ? numeric.toBytes() : categorical.toBytes();
    }
}
