package io.modeltrust.fairness.metrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Fairness drift: the change of selection rates and ratio figures since the baseline computed on the reference data. */
public final class FairnessDrift {

    private FairnessDrift() {
    }

    /**
     * Attributes of the current report in its order, then attributes only the baseline has.
     * Either side may be missing an attribute; its figures are then null.
     */
    public static List<AttributeFairnessDrift> compare(FairnessReport current, FairnessReport baseline) {
        Set<String> names = new LinkedHashSet<>();
        current.attributes().forEach(a -> names.add(a.attribute()));
        baseline.attributes().forEach(a -> names.add(a.attribute()));
        List<AttributeFairnessDrift> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(compare(name, current.attribute(name), baseline.attribute(name)));
        }
        return out;
    }

    /** One attribute; {@code current} or {@code baseline} may be null when that side lacks it. */
    public static AttributeFairnessDrift compare(String attribute, AttributeFairness current, AttributeFairness baseline) {
        Set<String> groups = new LinkedHashSet<>();
        if (current != null) {
            current.groups().forEach(g -> groups.add(g.group()));
        }
        if (baseline != null) {
            baseline.groups().forEach(g -> groups.add(g.group()));
        }
        List<GroupFairnessDrift> drifts = new ArrayList<>(groups.size());
        for (String g : groups) {
            GroupFairness now = current == null ? null : current.group(g);
            GroupFairness then = baseline == null ? null : baseline.group(g);
            Double srNow = now == null ? null : now.selectionRate();
            Double srThen = then == null ? null : then.selectionRate();
            Double dirNow = now == null ? null : now.disparateImpactRatio();
            Double dirThen = then == null ? null : then.disparateImpactRatio();
            drifts.add(new GroupFairnessDrift(g, srThen, srNow, change(srNow, srThen), dirThen, dirNow, change(dirNow, dirThen)));
        }
        String refNow = current == null ? null : current.referenceGroup();
        String refThen = baseline == null ? null : baseline.referenceGroup();
        Double dprNow = current == null ? null : current.demographicParityRatio();
        Double dprThen = baseline == null ? null : baseline.demographicParityRatio();
        boolean referenceChanged = current != null && baseline != null && !Objects.equals(refNow, refThen);
        return new AttributeFairnessDrift(attribute, refThen, refNow, referenceChanged, dprThen, dprNow,
                change(dprNow, dprThen), drifts);
    }

    private static Double change(Double now, Double then) {
        return now == null || then == null ? null : now - then;
    }
}
