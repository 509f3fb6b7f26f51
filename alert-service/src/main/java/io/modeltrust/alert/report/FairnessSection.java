package io.modeltrust.alert.report;

import io.modeltrust.stats.BenjaminiHochberg;
import io.modeltrust.stats.ProportionTests;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.rules.MetricPath;
import io.modeltrust.alert.rules.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fair-lending section. Per sensitive attribute the period's batches are pooled: a group's selected
 * rows are Σ round(selectionRate × count) and its rows Σ count over the batches that reported it, so the
 * selection rate, its Wilson interval and the adverse-impact ratio rest on every row of the period rather
 * than on one batch. The newest batch's figures are shown beside them exactly as the fairness service
 * reported them.
 */
final class FairnessSection {

    static final double FOUR_FIFTHS = 0.8;
    static final double ALPHA = 0.05;
    static final int DEFAULT_MIN_GROUP = 30;

    static final List<String> METHODOLOGY = List.of(
            "Selection rate: the share of a group's rows the model gave the favourable outcome (for a binary model, "
                    + "the positive class). The period's rate pools every batch of the period: selected rows over rows.",
            "Interval: the 95% Wilson score interval of that proportion, which stays inside [0, 1] and is honest for "
                    + "small groups, unlike the normal approximation.",
            "Adverse-impact ratio: a group's selection rate divided by the reference group's. The four-fifths rule "
                    + "flags a ratio below 0.8. The reference group is the configured privileged group, else the "
                    + "baseline's reference group, else the largest group.",
            "Significance: a two-sided test that the group's rate equals the reference group's: the pooled "
                    + "two-proportion z-test, or Fisher's exact test when an expected cell count is below 5. The "
                    + "p-values of all groups of the report are adjusted together (Benjamini–Hochberg) and a ratio is "
                    + "called significant when the adjusted p is below 0.05, so that many groups do not produce "
                    + "chance findings.",
            "Demographic parity ratio: the lowest selection rate of the eligible groups (at least the minimum group "
                    + "size, 30 rows by default) divided by the highest; the latest figure is the fairness service's "
                    + "for the newest batch, the trend its value per batch against the reference data's.",
            "Equal opportunity difference: the largest minus the smallest true-positive rate among the groups, over "
                    + "rows with labels; it is shown only where labels exist. The full definitions are in docs/metrics.md.");

    private FairnessSection() {
    }

    /** A pooled group before the tests: what the vectors give. */
    private record Pool(String group, long count, long selected) {
    }

    static Report.Fairness build(VectorTable t, JsonNode latest) {
        Map<String, List<String>> groupsByAttribute = new LinkedHashMap<>();
        for (String path : t.paths()) {
            MetricPath p = DriftSection.parse(path);
            if (p != null && p.section() == Section.FAIRNESS_GROUP && "count".equals(p.field())) {
                groupsByAttribute.computeIfAbsent(p.subject(), k -> new ArrayList<>()).add(p.group());
            }
        }
        int minGroup = latest != null && latest.path("minGroupSize").isInt() ? latest.path("minGroupSize").asInt()
                : DEFAULT_MIN_GROUP;
        List<Report.AttributeSection> sections = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : groupsByAttribute.entrySet()) {
            sections.add(attribute(t, e.getKey(), e.getValue(), attributeNode(latest, e.getKey()), Stats.text(latest, "batchId"),
                    minGroup));
        }
        return new Report.Fairness(t.at(), adjust(sections), METHODOLOGY);
    }

    private static Report.AttributeSection attribute(VectorTable t, String attribute, List<String> groups, JsonNode latest,
                                                     String latestBatchId, int minGroup) {
        String base = "fairness." + attribute + ".groups.";
        List<Pool> pools = new ArrayList<>();
        for (String g : groups) {
            double[] count = t.column(base + g + ".count");
            double[] rate = t.column(base + g + ".selectionRate");
            long n = 0;
            long k = 0;
            for (int b = 0; b < count.length; b++) {
                if (!Double.isNaN(count[b]) && !Double.isNaN(rate[b])) {
                    n += (long) count[b];
                    k += Math.round(rate[b] * count[b]);
                }
            }
            if (n > 0) {
                pools.add(new Pool(g, n, k));
            }
        }
        String reference = Stats.text(latest, "referenceGroup");
        Pool ref = pools.stream().filter(p -> p.group().equals(reference)).findFirst()
                .orElse(pools.stream().max((a, b) -> Long.compare(a.count(), b.count())).orElse(null));
        List<Report.GroupRow> rows = new ArrayList<>();
        double lowest = Double.NaN;
        double highest = Double.NaN;
        for (Pool p : pools) {
            rows.add(row(p, ref, tpr(latest, p.group())));
            double rate = (double) p.selected() / p.count();
            if (p.count() >= minGroup) {
                lowest = Double.isNaN(lowest) ? rate : Math.min(lowest, rate);
                highest = Double.isNaN(highest) ? rate : Math.max(highest, rate);
            }
        }
        double[] parity = t.column("fairness." + attribute + ".demographicParityRatio");
        double[] opportunity = t.column("fairness." + attribute + ".equalOpportunityDifference");
        int below = 0;
        for (double r : parity) {
            below += r < FOUR_FIFTHS ? 1 : 0;
        }
        return new Report.AttributeSection(attribute, ref == null ? reference : ref.group(), rows,
                latest == null ? null : latestBatchId,
                Stats.number(latest, "demographicParityRatio"), Stats.number(latest, "demographicParityDifference"),
                latest == null ? null : Stats.number(latest.path("baseline"), "demographicParityRatio"),
                Double.isNaN(highest) || highest == 0 ? null : lowest / highest,
                Stats.number(latest, "equalOpportunityDifference"), Stats.mean(opportunity), below, parity, opportunity,
                Stats.text(latest, "explanation"));
    }

    private static Report.GroupRow row(Pool p, Pool ref, Double latestTpr) {
        double[] ci = ProportionTests.wilson(p.selected(), p.count());
        double rate = (double) p.selected() / p.count();
        if (ref == null || ref == p) {
            return new Report.GroupRow(p.group(), p.count(), p.selected(), rate, ci[0], ci[1], ref == p, null, null, null,
                    null, null, null, latestTpr);
        }
        double refRate = (double) ref.selected() / ref.count();
        Double ratio = refRate == 0 ? null : rate / refRate;
        long a = p.selected();
        long b = p.count() - p.selected();
        long c = ref.selected();
        long d = ref.count() - ref.selected();
        boolean fisher = ProportionTests.anyExpectedBelowFive(a, b, c, d);
        double pValue = fisher ? ProportionTests.fisherExactTwoSided(a, b, c, d)
                : ProportionTests.twoProportionZPValue(a, p.count(), c, ref.count());
        return new Report.GroupRow(p.group(), p.count(), p.selected(), rate, ci[0], ci[1], false, ratio,
                Double.isNaN(pValue) ? null : pValue, fisher ? "fisher-exact" : "z-test", null, null,
                ratio == null ? null : ratio < FOUR_FIFTHS, latestTpr);
    }

    /** Benjamini–Hochberg over every tested group of every attribute, then the significance verdicts. */
    private static List<Report.AttributeSection> adjust(List<Report.AttributeSection> sections) {
        List<Double> raw = new ArrayList<>();
        sections.forEach(s -> s.groups().forEach(g -> raw.add(g.pValue() == null ? Double.NaN : g.pValue())));
        double[] adjusted = BenjaminiHochberg.adjustSkippingNaN(raw.stream().mapToDouble(Double::doubleValue).toArray());
        List<Report.AttributeSection> out = new ArrayList<>();
        int i = 0;
        for (Report.AttributeSection s : sections) {
            List<Report.GroupRow> groups = new ArrayList<>();
            for (Report.GroupRow g : s.groups()) {
                double q = adjusted[i++];
                groups.add(Double.isNaN(q) ? g : new Report.GroupRow(g.group(), g.count(), g.selected(), g.selectionRate(),
                        g.low(), g.high(), g.reference(), g.adverseImpactRatio(), g.pValue(), g.test(), q, q < ALPHA,
                        g.belowFourFifths(), g.latestTpr()));
            }
            out.add(new Report.AttributeSection(s.attribute(), s.referenceGroup(), groups, s.latestBatchId(),
                    s.latestParityRatio(), s.latestParityDifference(), s.baselineParityRatio(), s.periodParityRatio(),
                    s.latestEqualOpportunityDifference(), s.meanEqualOpportunityDifference(), s.batchesBelowFourFifths(),
                    s.parityRatio(), s.equalOpportunity(), s.explanation()));
        }
        return out;
    }

    private static JsonNode attributeNode(JsonNode latest, String attribute) {
        if (latest == null) {
            return null;
        }
        for (JsonNode a : latest.path("attributes")) {
            if (attribute.equals(a.path("attribute").asText(null))) {
                return a;
            }
        }
        return null;
    }

    private static Double tpr(JsonNode attribute, String group) {
        if (attribute == null) {
            return null;
        }
        for (JsonNode g : attribute.path("groups")) {
            if (group.equals(g.path("group").asText(null))) {
                return Stats.number(g, "tpr");
            }
        }
        return null;
    }
}
