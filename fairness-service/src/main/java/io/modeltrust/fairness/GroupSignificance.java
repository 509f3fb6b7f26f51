package io.modeltrust.fairness;

import io.modeltrust.model.event.FairnessResult.AttributeResult;
import io.modeltrust.model.event.FairnessResult.GroupResult;
import io.modeltrust.stats.BenjaminiHochberg;
import java.util.ArrayList;
import java.util.List;

/**
 * The p-values of a batch's group comparisons, Benjamini–Hochberg adjusted across every tested group of
 * every attribute and intersection. A batch with 20 groups shows one p below 0.05 by chance alone; the
 * adjusted value is what alert rules judge significance by. Only eligible groups (at least minGroupSize
 * rows) with a p-value take part; the others keep no adjusted value.
 */
final class GroupSignificance {

    private GroupSignificance() {
    }

    static List<AttributeResult> adjusted(List<AttributeResult> attributes) {
        List<Double> tested = new ArrayList<>();
        for (AttributeResult a : attributes) {
            for (GroupResult g : a.groups()) {
                if (tested(g)) {
                    tested.add(g.pValue());
                }
            }
        }
        if (tested.isEmpty()) {
            return attributes;
        }
        double[] q = BenjaminiHochberg.adjust(tested.stream().mapToDouble(Double::doubleValue).toArray());
        int next = 0;
        List<AttributeResult> out = new ArrayList<>(attributes.size());
        for (AttributeResult a : attributes) {
            List<GroupResult> groups = new ArrayList<>(a.groups().size());
            for (GroupResult g : a.groups()) {
                groups.add(tested(g) ? g.withAdjustedPValue(q[next++]) : g);
            }
            out.add(new AttributeResult(a.attribute(), a.referenceGroup(), a.demographicParityDifference(),
                    a.demographicParityRatio(), a.equalOpportunityDifference(), a.equalizedOddsDifference(), groups,
                    a.baseline(), a.explanation(), a.referenceSource()));
        }
        return out;
    }

    private static boolean tested(GroupResult g) {
        return g.eligible() && g.pValue() != null && !Double.isNaN(g.pValue());
    }
}
