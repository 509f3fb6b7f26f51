package io.modeltrust.fairness.metrics;

import java.util.List;

/**
 * Fairness figures of one sensitive attribute (or one intersection of two).
 * The between-group figures are taken over the eligible groups (count >= minGroupSize) and are
 * null with fewer than two of them; {@code equalOpportunityDifference} needs two eligible groups
 * with a defined tpr, {@code equalizedOddsDifference} needs both the tpr and the fpr spread.
 *
 * @param attribute                  attribute name, "a|b" for an intersection
 * @param referenceGroup             group the relative figures compare with
 * @param referenceIsPrivileged      true when the reference is the configured privileged group,
 *                                   false when it is the largest group
 * @param minGroupSize               eligibility threshold used
 * @param demographicParityDifference max - min selectionRate
 * @param demographicParityRatio     min / max selectionRate; null when max is 0
 * @param equalOpportunityDifference max - min tpr
 * @param equalizedOddsDifference    max(max - min tpr, max - min fpr)
 * @param groups                     groups with at least one row, in dictionary order, missing last
 */
public record AttributeFairness(
        String attribute,
        String referenceGroup,
        boolean referenceIsPrivileged,
        int minGroupSize,
        Double demographicParityDifference,
        Double demographicParityRatio,
        Double equalOpportunityDifference,
        Double equalizedOddsDifference,
        List<GroupFairness> groups) {

    public AttributeFairness {
        groups = List.copyOf(groups);
    }

    /** The named group, or null when no row has it. */
    public GroupFairness group(String name) {
        for (GroupFairness g : groups) {
            if (g.group().equals(name)) {
                return g;
            }
        }
        return null;
    }
}
