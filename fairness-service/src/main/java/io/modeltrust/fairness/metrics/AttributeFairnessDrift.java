package io.modeltrust.fairness.metrics;

import java.util.List;

/**
 * Change of one attribute's figures since the baseline. {@code referenceChanged} warns that the
 * disparate-impact ratios of the two sides compare with different reference groups; pass the
 * baseline's reference group as privileged group when computing the current figures to avoid it.
 *
 * @param groups groups of the current side in its order, then groups seen only in the baseline
 */
public record AttributeFairnessDrift(
        String attribute,
        String baselineReferenceGroup,
        String referenceGroup,
        boolean referenceChanged,
        Double baselineDemographicParityRatio,
        Double demographicParityRatio,
        Double demographicParityRatioChange,
        List<GroupFairnessDrift> groups) {

    public AttributeFairnessDrift {
        groups = List.copyOf(groups);
    }

    public GroupFairnessDrift group(String name) {
        for (GroupFairnessDrift g : groups) {
            if (g.group().equals(name)) {
                return g;
            }
        }
        return null;
    }
}
