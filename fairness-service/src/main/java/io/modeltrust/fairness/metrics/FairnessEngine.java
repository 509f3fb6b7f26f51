package io.modeltrust.fairness.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fairness report of a batch: every sensitive attribute, then every configured attribute pair. */
public final class FairnessEngine {

    private FairnessEngine() {
    }

    /**
     * @param attributes        sensitive attributes, categorical or already bucketed by
     *                          {@link NumericBuckets#bucketize}; names must be unique
     * @param predictedPositive decision per row
     * @param labelState        per row 1 / 0 / -1 (unknown); null when the batch has no labels
     * @param options           minGroupSize, privileged groups, attribute pairs (pairs must name attributes given here)
     */
    public static FairnessReport compute(List<CategoricalAttribute> attributes, boolean[] predictedPositive,
                                         byte[] labelState, FairnessOptions options) {
        return compute(attributes, predictedPositive, labelState, null, options);
    }

    /**
     * @param correct per row 1 / 0 / -1 (unknown label): the prediction equals the label; given for a
     *                multiclass model, whose decision and label state are binarised on the favourable
     *                class, so that accuracy is the multiclass one; null for binary
     */
    public static FairnessReport compute(List<CategoricalAttribute> attributes, boolean[] predictedPositive,
                                         byte[] labelState, byte[] correct, FairnessOptions options) {
        Map<String, CategoricalAttribute> byName = new LinkedHashMap<>();
        for (CategoricalAttribute a : attributes) {
            if (byName.put(a.name(), a) != null) {
                throw new IllegalArgumentException("attribute named twice: " + a.name());
            }
        }
        List<CategoricalAttribute> all = new ArrayList<>(attributes);
        Map<String, String> privileged = new LinkedHashMap<>();
        for (List<String> pair : options.attributePairs()) {
            CategoricalAttribute first = byName.get(pair.get(0));
            CategoricalAttribute second = byName.get(pair.get(1));
            if (first == null || second == null) {
                throw new IllegalArgumentException("attribute pair names an unknown attribute: " + pair);
            }
            CategoricalAttribute crossed = Intersections.cross(first, second);
            all.add(crossed);
            if (options.privilegedGroup(crossed.name()) == null) {
                String cell = privilegedCell(crossed, options.privilegedGroup(first.name()),
                        options.privilegedGroup(second.name()));
                if (cell != null) {
                    privileged.put(crossed.name(), cell);
                }
            }
        }
        List<AttributeFairness> results = new ArrayList<>(all.size());
        for (CategoricalAttribute a : all) {
            String reference = privileged.getOrDefault(a.name(), options.privilegedGroup(a.name()));
            results.add(FairnessCalculator.compute(a, predictedPositive, labelState, correct, options.minGroupSize(),
                    reference));
        }
        return new FairnessReport(results);
    }

    /**
     * The reference cell of an intersection whose own privileged group is not configured: the largest
     * cell that has the privileged value of each attribute that names one (privileged sex=male gives the
     * largest "male|…" cell), so that an intersection compares with the same side as its attributes do.
     * Null when neither attribute names a privileged value, or no cell has them.
     */
    static String privilegedCell(CategoricalAttribute crossed, String firstPrivileged, String secondPrivileged) {
        if (firstPrivileged == null && secondPrivileged == null) {
            return null;
        }
        String[] dictionary = crossed.dictionary();
        long[] rows = new long[dictionary.length];
        for (int code : crossed.codes()) {
            if (code >= 0) {
                rows[code]++;
            }
        }
        String best = null;
        long bestRows = 0;
        for (int code = 0; code < dictionary.length; code++) {
            String cell = dictionary[code];
            boolean matches = (firstPrivileged == null || cell.startsWith(firstPrivileged + Intersections.SEPARATOR))
                    && (secondPrivileged == null || cell.endsWith(Intersections.SEPARATOR + secondPrivileged));
            if (matches && rows[code] > bestRows) {
                best = cell;
                bestRows = rows[code];
            }
        }
        return best;
    }
}
