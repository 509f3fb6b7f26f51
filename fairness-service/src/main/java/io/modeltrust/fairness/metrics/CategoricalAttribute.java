package io.modeltrust.fairness.metrics;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A sensitive attribute as a dictionary-coded column: row {@code i} belongs to group
 * {@code dictionary[codes[i]]}, or to the group {@link #MISSING} when {@code codes[i] == -1}.
 * Dictionary entries that no row uses are simply not reported.
 *
 * <p>The arrays are used as given (not copied) because they may hold a million rows.
 */
public record CategoricalAttribute(String name, String[] dictionary, int[] codes) {

    /** Name of the group formed by rows whose value is missing. */
    public static final String MISSING = "(missing)";

    public CategoricalAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dictionary, "dictionary");
        Objects.requireNonNull(codes, "codes");
        Set<String> seen = new HashSet<>();
        for (String entry : dictionary) {
            if (entry == null) {
                throw new IllegalArgumentException("attribute " + name + ": null dictionary entry");
            }
            // A real category spelled "(missing)" would be merged silently with missing values.
            if (entry.equals(MISSING) || !seen.add(entry)) {
                throw new IllegalArgumentException("attribute " + name + ": duplicate or reserved group name '" + entry + "'");
            }
        }
    }

    public int rows() {
        return codes.length;
    }

    /** Group name of a code, {@link #MISSING} for -1. */
    public String groupName(int code) {
        return code < 0 ? MISSING : dictionary[code];
    }
}
