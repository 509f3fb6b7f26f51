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
        for (List<String> pair : options.attributePairs()) {
            CategoricalAttribute first = byName.get(pair.get(0));
            CategoricalAttribute second = byName.get(pair.get(1));
            if (first == null || second == null) {
                throw new IllegalArgumentException("attribute pair names an unknown attribute: " + pair);
            }
            all.add(Intersections.cross(first, second));
        }
        List<AttributeFairness> results = new ArrayList<>(all.size());
        for (CategoricalAttribute a : all) {
            results.add(FairnessCalculator.compute(a, predictedPositive, labelState, correct, options.minGroupSize(),
                    options.privilegedGroup(a.name())));
        }
        return new FairnessReport(results);
    }
}
