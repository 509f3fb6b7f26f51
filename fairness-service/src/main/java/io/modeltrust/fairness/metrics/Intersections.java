package io.modeltrust.fairness.metrics;

/**
 * Intersectional groups of two attributes: attribute "sex|age_band", groups such as
 * "female|25-35". A row missing one of the two values keeps the other one and
 * {@value CategoricalAttribute#MISSING} in place of the missing part ("female|(missing)"),
 * so the intersection has no missing group of its own. Combinations no row has are left out.
 */
public final class Intersections {

    /** Separator between the two parts of an intersectional attribute or group name. */
    public static final String SEPARATOR = "|";

    /** Above this many possible combinations, crossing would allocate too much to be a fairness question. */
    private static final long MAX_COMBINATIONS = 1L << 24;

    private Intersections() {
    }

    public static CategoricalAttribute cross(CategoricalAttribute first, CategoricalAttribute second) {
        int rows = first.rows();
        if (second.rows() != rows) {
            throw new IllegalArgumentException("attributes " + first.name() + " and " + second.name() + " differ in length");
        }
        int widthA = first.dictionary().length + 1;
        int widthB = second.dictionary().length + 1;
        if ((long) widthA * widthB > MAX_COMBINATIONS) {
            throw new IllegalArgumentException("too many combinations for " + first.name() + SEPARATOR + second.name());
        }
        int[] a = first.codes();
        int[] b = second.codes();
        int missingA = widthA - 1;
        int missingB = widthB - 1;
        int[] combined = new int[rows];
        boolean[] used = new boolean[widthA * widthB];
        for (int i = 0; i < rows; i++) {
            int ca = a[i];
            int cb = b[i];
            if (ca < -1 || ca >= missingA || cb < -1 || cb >= missingB) {
                throw new IllegalArgumentException("row " + i + ": code outside dictionary");
            }
            int c = (ca < 0 ? missingA : ca) * widthB + (cb < 0 ? missingB : cb);
            combined[i] = c;
            used[c] = true;
        }
        int[] compact = new int[used.length];
        int size = 0;
        for (int c = 0; c < used.length; c++) {
            compact[c] = used[c] ? size++ : -1;
        }
        String[] dictionary = new String[size];
        for (int c = 0; c < used.length; c++) {
            if (used[c]) {
                int ca = c / widthB;
                int cb = c % widthB;
                dictionary[compact[c]] = first.groupName(ca == missingA ? -1 : ca) + SEPARATOR
                        + second.groupName(cb == missingB ? -1 : cb);
            }
        }
        for (int i = 0; i < rows; i++) {
            combined[i] = compact[combined[i]];
        }
        return new CategoricalAttribute(first.name() + SEPARATOR + second.name(), dictionary, combined);
    }
}
