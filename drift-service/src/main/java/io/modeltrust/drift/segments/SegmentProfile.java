package io.modeltrust.drift.segments;

import io.modeltrust.drift.profile.ColumnProfile;
import java.util.Map;

/**
 * The reference rows of one segment, {@code column = value}: their count and the profile of every
 * feature on those rows (the segment column itself excepted: within its own segment it is constant).
 */
public record SegmentProfile(String column, String value, long rows, Map<String, ColumnProfile> features) {

    /** "column=value", as results and alerts name the segment. */
    public String label() {
        return column + "=" + value;
    }
}
