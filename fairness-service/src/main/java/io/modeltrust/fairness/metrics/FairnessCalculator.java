package io.modeltrust.fairness.metrics;

import io.modeltrust.stats.ProportionTests;

import java.util.ArrayList;
import java.util.List;

/** Fairness figures of one attribute: per group, between groups, and relative to a reference group. */
public final class FairnessCalculator {

    private FairnessCalculator() {
    }

    /**
     * @param attribute         sensitive attribute (dictionary + codes, -1 = missing)
     * @param predictedPositive decision per row (true = the positive decision, e.g. approved)
     * @param labelState        per row 1 = actual positive, 0 = actual negative, -1 = unknown; null when no labels
     * @param minGroupSize      eligibility threshold for the between-group figures
     * @param privilegedGroup   configured privileged group, or null; ignored when no row has it
     */
    public static AttributeFairness compute(CategoricalAttribute attribute, boolean[] predictedPositive,
                                            byte[] labelState, int minGroupSize, String privilegedGroup) {
        return compute(attribute, predictedPositive, labelState, null, minGroupSize, privilegedGroup);
    }

    /**
     * @param correct per row 1 / 0 / -1: whether the prediction equals the label (multiclass), which
     *                gives the accuracy; null for binary, whose accuracy is (tp + tn) / labelled
     */
    public static AttributeFairness compute(CategoricalAttribute attribute, boolean[] predictedPositive,
                                            byte[] labelState, byte[] correct, int minGroupSize,
                                            String privilegedGroup) {
        GroupCounts counts = GroupCounts.tally(attribute.codes(), attribute.dictionary().length,
                predictedPositive, labelState, correct);
        int k = attribute.dictionary().length;
        List<Integer> present = new ArrayList<>();
        for (int slot = 0; slot <= k; slot++) {
            if (counts.rows()[slot] > 0) {
                present.add(slot);
            }
        }
        if (present.isEmpty()) {
            return new AttributeFairness(attribute.name(), null, false, minGroupSize, null, null, null, null, List.of());
        }
        int ref = -1;
        boolean privileged = false;
        if (privilegedGroup != null) {
            for (int slot : present) {
                if (name(attribute, slot).equals(privilegedGroup)) {
                    ref = slot;
                    privileged = true;
                }
            }
        }
        if (ref < 0) {
            ref = largestGroup(attribute, counts, present);
        }
        List<GroupFairness> groups = new ArrayList<>(present.size());
        for (int slot : present) {
            groups.add(group(attribute, counts, slot, ref, minGroupSize));
        }
        return betweenGroups(attribute.name(), name(attribute, ref), privileged, minGroupSize, groups);
    }

    /** Largest group, ties to the first name; the missing group only when it is the only one. */
    private static int largestGroup(CategoricalAttribute attribute, GroupCounts counts, List<Integer> present) {
        int best = -1;
        for (int slot : present) {
            if (slot == attribute.dictionary().length) {
                continue;
            }
            if (best < 0 || counts.rows()[slot] > counts.rows()[best]
                    || (counts.rows()[slot] == counts.rows()[best]
                    && name(attribute, slot).compareTo(name(attribute, best)) < 0)) {
                best = slot;
            }
        }
        return best < 0 ? present.get(0) : best;
    }

    private static GroupFairness group(CategoricalAttribute attribute, GroupCounts c, int slot, int ref, int minGroupSize) {
        long n = c.rows()[slot];
        long sel = c.selected()[slot];
        double rate = sel / (double) n;
        double[] ci = ProportionTests.wilson(sel, n);
        long tp = c.truePositives()[slot];
        long fp = c.falsePositives()[slot];
        long tn = c.trueNegatives()[slot];
        long fn = c.falseNegatives()[slot];
        long labelled = tp + fp + tn + fn;
        Double spd = null;
        Double dir = null;
        Double p = null;
        SignificanceTest test = null;
        if (slot != ref) {
            long nRef = c.rows()[ref];
            long selRef = c.selected()[ref];
            double rateRef = selRef / (double) nRef;
            spd = rate - rateRef;
            dir = rateRef == 0 ? null : rate / rateRef;
            if (ProportionTests.anyExpectedBelowFive(sel, n - sel, selRef, nRef - selRef)) {
                test = SignificanceTest.FISHER_EXACT;
                p = ProportionTests.fisherExactTwoSided(sel, n - sel, selRef, nRef - selRef);
            } else {
                test = SignificanceTest.TWO_PROPORTION_Z;
                p = ProportionTests.twoProportionZPValue(sel, n, selRef, nRef);
            }
        }
        return new GroupFairness(name(attribute, slot), n, sel, rate, ci[0], ci[1], labelled, tp, fp, tn, fn,
                ratio(tp, tp + fn), ratio(fp, fp + tn), ratio(tp, tp + fp), ratio(c.correct()[slot], labelled),
                n >= minGroupSize, slot == ref, spd, dir, p, test);
    }

    /** Fairlearn-style max - min (and min / max) over the eligible groups, skipping undefined rates. */
    private static AttributeFairness betweenGroups(String attribute, String reference, boolean privileged,
                                                   int minGroupSize, List<GroupFairness> groups) {
        Spread sr = new Spread();
        Spread tpr = new Spread();
        Spread fpr = new Spread();
        for (GroupFairness g : groups) {
            if (g.eligible()) {
                sr.add(g.selectionRate());
                tpr.add(g.tpr());
                fpr.add(g.fpr());
            }
        }
        Double dpd = sr.difference();
        Double dpr = sr.n < 2 || sr.max == 0 ? null : sr.min / sr.max;
        Double eop = tpr.difference();
        Double fprDiff = fpr.difference();
        Double eodds = eop == null || fprDiff == null ? null : Math.max(eop, fprDiff);
        return new AttributeFairness(attribute, reference, privileged, minGroupSize, dpd, dpr, eop, eodds, groups);
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : numerator / (double) denominator;
    }

    private static String name(CategoricalAttribute attribute, int slot) {
        return attribute.groupName(slot == attribute.dictionary().length ? -1 : slot);
    }

    private static final class Spread {
        int n;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(Double v) {
            if (v != null) {
                n++;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }

        Double difference() {
            return n < 2 ? null : max - min;
        }
    }
}
