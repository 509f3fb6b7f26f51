package io.modeltrust.alert.report;

import java.util.ArrayList;
import java.util.List;

/** The fair-lending section of {@link Html}: per attribute the pooled groups, the ratios and their trend. */
final class HtmlFairness {

    private HtmlFairness() {
    }

    static void fairness(StringBuilder out, Report.Fairness f) {
        out.append("<h2 id=\"fairness\">Fairness</h2>");
        if (f.attributes().isEmpty()) {
            out.append("<p class=\"muted\">No fairness result with sensitive attributes was stored for this period.</p>");
        }
        for (Report.AttributeSection a : f.attributes()) {
            out.append("<h3>Sensitive attribute: ").append(Html.escape(a.attribute())).append("</h3>");
            out.append("<p>Demographic parity ratio of the newest batch: <b>").append(Fmt.num(a.latestParityRatio()))
                    .append("</b>").append(Boolean.TRUE.equals(below(a.latestParityRatio())) ? " <span class=\"warn\">below 0.8</span>" : "")
                    .append(" (difference ").append(Fmt.num(a.latestParityDifference())).append("); on the reference data ")
                    .append(Fmt.num(a.baselineParityRatio())).append("; pooled over the period ").append(Fmt.num(a.periodParityRatio()))
                    .append(". ").append(a.batchesBelowFourFifths()).append(" batches were below 0.8.");
            if (a.latestEqualOpportunityDifference() != null || a.meanEqualOpportunityDifference() != null) {
                out.append(" Equal opportunity difference: ").append(Fmt.num(a.latestEqualOpportunityDifference()))
                        .append(" in the newest batch, ").append(Fmt.num(a.meanEqualOpportunityDifference()))
                        .append(" on average.");
            } else {
                out.append(" Equal opportunity is not shown: no batch had labels for it.");
            }
            out.append("</p>");
            if (a.explanation() != null) {
                out.append("<p class=\"muted\">").append(Html.escape(a.explanation())).append("</p>");
            }
            List<List<String>> rows = new ArrayList<>();
            for (Report.GroupRow g : a.groups()) {
                rows.add(List.of(g.group() + (g.reference() ? " (reference)" : ""), Fmt.count(g.count()), Fmt.count(g.selected()),
                        Fmt.num(g.selectionRate()), Fmt.num(g.low()) + "–" + Fmt.num(g.high()), Fmt.num(g.adverseImpactRatio())
                                + (Boolean.TRUE.equals(g.belowFourFifths()) ? " (below 4/5)" : ""),
                        g.pValue() == null ? "–" : Fmt.p(g.pValue()) + " (" + g.test() + ")", Fmt.p(g.adjustedPValue()),
                        g.significant() == null ? "–" : g.significant() ? "yes" : "no", Fmt.num(g.latestTpr())));
            }
            HtmlSections.table(out, List.of("Group", "Rows", "Selected", "Selection rate", "95% Wilson interval",
                    "Adverse-impact ratio", "p (test)", "p adjusted", "Significant", "TPR (newest)"), rows);
            if (!a.groups().isEmpty()) {
                out.append(Svg.selectionRates(a.groups()));
            }
            if (Stats.any(a.parityRatio())) {
                out.append("<p class=\"muted\">Demographic parity ratio per batch, against the reference data's.</p>")
                        .append(Svg.lineChart(f.at(), List.of(new Svg.Line("parity ratio", a.parityRatio(), "#8e44ad", false)),
                                null, a.baselineParityRatio(), "reference", 130));
            }
        }
        out.append("<h3>Methodology</h3>");
        for (String m : f.methodology()) {
            out.append("<p>").append(Html.escape(m)).append("</p>");
        }
    }

    private static Boolean below(Double ratio) {
        return ratio == null ? null : ratio < FairnessSection.FOUR_FIFTHS;
    }
}
