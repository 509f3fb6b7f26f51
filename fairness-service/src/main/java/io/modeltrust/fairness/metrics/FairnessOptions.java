package io.modeltrust.fairness.metrics;

import java.util.List;
import java.util.Map;

/**
 * Fairness settings of a model (the {@code fairness} object and {@code privileged} map of its config).
 *
 * @param minGroupSize     groups with fewer rows are reported but left out of the between-group
 *                         figures and explanations (default 30)
 * @param privilegedGroups attribute name -> privileged group; an intersection is looked up under
 *                         its own name ("sex|age_band" -> "male|35-50")
 * @param attributePairs   pairs of attribute names to cross into intersectional groups
 */
public record FairnessOptions(int minGroupSize, Map<String, String> privilegedGroups, List<List<String>> attributePairs) {

    public static final int DEFAULT_MIN_GROUP_SIZE = 30;

    public FairnessOptions {
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("minGroupSize must be at least 1: " + minGroupSize);
        }
        privilegedGroups = privilegedGroups == null ? Map.of() : Map.copyOf(privilegedGroups);
        attributePairs = attributePairs == null ? List.of() : attributePairs.stream().map(List::copyOf).toList();
        for (List<String> pair : attributePairs) {
            if (pair.size() != 2) {
                throw new IllegalArgumentException("an attribute pair names two attributes: " + pair);
            }
        }
    }

    public static FairnessOptions defaults() {
        return new FairnessOptions(DEFAULT_MIN_GROUP_SIZE, Map.of(), List.of());
    }

    /** Configured privileged group of an attribute, or null. */
    public String privilegedGroup(String attribute) {
        return privilegedGroups.get(attribute);
    }
}
