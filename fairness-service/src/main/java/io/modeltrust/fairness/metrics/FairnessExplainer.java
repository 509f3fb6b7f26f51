package io.modeltrust.fairness.metrics;

import io.modeltrust.stats.ProportionTests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Sentences naming the worst group of an attribute, with rates and group sizes. They explain the
 * between-group figures, so they compare the eligible group with the lowest rate with the one
 * with the highest, and the ratio or difference they state is the attribute's figure itself.
 * Numbers are rounded half-even on their exact binary value (as Python's format): ratios to 2
 * decimals, rates and differences to 2 decimals or, below 0.1, to 2 significant digits (0.0043),
 * p-values to 3 decimals ("p < 0.001" below 0.001).
 */
public final class FairnessExplainer {

    public static final String DEMOGRAPHIC_PARITY_RATIO = "demographicParityRatio";
    public static final String EQUAL_OPPORTUNITY_DIFFERENCE = "equalOpportunityDifference";

    private FairnessExplainer() {
    }

    /**
     * Explains {@code demographicParityRatio}, e.g. "Approval rate for sex=female is 0.31 (n=1,204)
     * against 0.44 for sex=male (n=2,311): ratio 0.70, below 0.8, p < 0.001". Worst group: lowest
     * selection rate, ties to a non-reference group then to the first name; compared group: highest
     * rate among the others, ties to the reference group then to the first name.
     */
    public static Explanation explain(AttributeFairness a, ExplanationOptions options) {
        String attr = a.attribute();
        Double threshold = options.ratioThreshold();
        GroupFairness[] pair = extremes(a, GroupFairness::selectionRate);
        if (pair == null) {
            return new Explanation(attr, DEMOGRAPHIC_PARITY_RATIO, null, threshold, null, null, null, null,
                    "No comparison for " + attr + ": fewer than two groups have at least "
                            + a.minGroupSize() + " rows.");
        }
        GroupFairness low = pair[0];
        GroupFairness high = pair[1];
        double pValue = pValue(low, high);
        if (high.selectionRate() == 0) {
            return new Explanation(attr, DEMOGRAPHIC_PARITY_RATIO, null, threshold, null, null, null, null,
                    options.positiveRateNoun() + " is 0 for every group of " + attr + " with at least "
                            + a.minGroupSize() + " rows.");
        }
        double ratio = low.selectionRate() / high.selectionRate();
        String text = String.format(Locale.US, "%s for %s=%s is %s (n=%,d) against %s for %s=%s (n=%,d): ratio %s, %s %s, p %s",
                options.positiveRateNoun(), attr, low.group(), rate(low.selectionRate()), low.count(),
                rate(high.selectionRate()), attr, high.group(), high.count(), fixed(ratio, 2),
                ratio < options.ratioThreshold() ? "below" : "not below", NumericBuckets.formatEdge(threshold),
                pValue < 0.001 ? "< 0.001" : "= " + fixed(pValue, 3));
        return new Explanation(attr, DEMOGRAPHIC_PARITY_RATIO, ratio, threshold, low.group(), high.group(),
                attr + "=" + low.group(), pValue, text);
    }

    /**
     * Explains {@code equalOpportunityDifference}, e.g. "True positive rate for sex=female is 0.61
     * (n=310 actual positives) against 0.75 for sex=male (n=402 actual positives): difference 0.14".
     */
    public static Explanation explainEqualOpportunity(AttributeFairness a) {
        String attr = a.attribute();
        GroupFairness[] pair = extremes(a, GroupFairness::tpr);
        if (pair == null) {
            return new Explanation(attr, EQUAL_OPPORTUNITY_DIFFERENCE, null, null, null, null, null, null,
                    "No comparison of true positive rates for " + attr + ": fewer than two groups with at least "
                            + a.minGroupSize() + " rows have labelled positives.");
        }
        GroupFairness low = pair[0];
        GroupFairness high = pair[1];
        double difference = high.tpr() - low.tpr();
        String text = String.format(Locale.US,
                "True positive rate for %s=%s is %s (n=%,d actual positives) against %s for %s=%s (n=%,d actual positives): difference %s",
                attr, low.group(), rate(low.tpr()), low.truePositives() + low.falseNegatives(),
                rate(high.tpr()), attr, high.group(), high.truePositives() + high.falseNegatives(),
                rate(difference));
        return new Explanation(attr, EQUAL_OPPORTUNITY_DIFFERENCE, difference, null, low.group(), high.group(),
                attr + "=" + low.group(), null, text);
    }

    /** The explanation of the attribute with the lowest demographicParityRatio (first on ties), or null if none has one. */
    public static Explanation explainWorst(FairnessReport report, ExplanationOptions options) {
        Explanation worst = null;
        for (AttributeFairness a : report.attributes()) {
            Explanation e = explain(a, options);
            if (e.value() != null && (worst == null || e.value() < worst.value())) {
                worst = e;
            }
        }
        return worst;
    }

    /** {lowest, highest} eligible groups by the rate, or null with fewer than two groups having it. */
    private static GroupFairness[] extremes(AttributeFairness a, Function<GroupFairness, Double> rate) {
        List<GroupFairness> eligible = a.groups().stream()
                .filter(g -> g.eligible() && rate.apply(g) != null).toList();
        if (eligible.size() < 2) {
            return null;
        }
        GroupFairness low = eligible.stream().min(Comparator.comparing(rate)
                .thenComparing(GroupFairness::reference)
                .thenComparing(GroupFairness::group)).orElseThrow();
        GroupFairness high = eligible.stream().filter(g -> g != low).min(
                Comparator.comparing(rate, Comparator.reverseOrder())
                        .thenComparing(g -> !g.reference())
                        .thenComparing(GroupFairness::group)).orElseThrow();
        return new GroupFairness[] {low, high};
    }

    private static double pValue(GroupFairness g, GroupFairness other) {
        long a = g.selected();
        long b = g.count() - g.selected();
        long c = other.selected();
        long d = other.count() - other.selected();
        return ProportionTests.anyExpectedBelowFive(a, b, c, d)
                ? ProportionTests.fisherExactTwoSided(a, b, c, d)
                : ProportionTests.twoProportionZPValue(a, g.count(), c, other.count());
    }

    /** 2 decimals, or 2 significant digits below 0.1 so that small rates do not all read 0.00. */
    static String rate(double v) {
        int decimals = v > 0 && v < 0.1 ? 1 - (int) Math.floor(Math.log10(v)) : 2;
        return fixed(v, decimals);
    }

    static String fixed(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
