package io.modeltrust.drift.profile;

import io.modeltrust.drift.stats.CategoricalReferenceProfile;
import io.modeltrust.drift.stats.NumericReferenceProfile;
import io.modeltrust.model.batch.ColumnRole;

/** One reference column's profile; exactly one of numeric / categorical is set. */
public record ColumnProfile(String column, ColumnRole role, NumericReferenceProfile numeric,
                            CategoricalReferenceProfile categorical) {

    public boolean isNumeric() {
        return numeric != null;
    }

    public byte[] toBytes() {
        return isNumeric() ? numeric.toBytes() : categorical.toBytes();
    }
}
