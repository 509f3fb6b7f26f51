package io.modeltrust.alert.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The report's opening paragraph, written from its own figures: what changed, what fired, what is still open. */
final class SummaryWriter {

    private SummaryWriter() {
    }

    static String write(Report.Header h, Report.Performance perf, Report.Drift drift, Report.Fairness fairness,
                        List<Report.AlertEntry> alerts, List<Report.IncidentEntry> incidents) {
        if (h.batches() == 0) {
            return "No batch of model " + h.modelId() + " is stored between " + Fmt.time(h.from()) + " and " + Fmt.time(h.to())
                    + ", so there is nothing to report for this period: no result arrived, and no alert breached in it.";
        }
        List<String> s = new ArrayList<>();
        s.add("Between " + Fmt.day(h.from()) + " and " + Fmt.day(h.to()) + ", " + Fmt.count(h.batches()) + " batches ("
                + Fmt.count(h.rows()) + " rows) of model " + h.modelId() + " were monitored.");
        performance(perf, s);
        if (drift.drifted().isEmpty()) {
            s.add(drift.batches() == 0 ? "No drift result was stored." : "No feature drifted in any batch.");
        } else {
            Report.DriftedFeature top = drift.drifted().get(0);
            s.add(drift.drifted().size() + " of " + drift.features().size() + " features drifted in at least one batch; "
                    + "most often " + top.feature() + " (" + top.batchesDrifted() + " of " + top.batchesTested()
                    + " batches)" + (drift.datasetDriftBatches() > 0 ? ", and " + drift.datasetDriftBatches()
                    + " batches drifted as a whole" : "") + ".");
        }
        fairness(fairness, s);
        alerts(alerts, incidents, s);
        return String.join(" ", s);
    }

    private static void performance(Report.Performance perf, List<String> s) {
        if (perf.metrics().isEmpty()) {
            if (perf.note() != null) {
                s.add(perf.note());
            }
            return;
        }
        Report.MetricTrend m = perf.metrics().get(0);
        if (m.mean() != null) {
            String text = "Realised " + m.metric() + " averaged " + Fmt.num(m.mean()) + (m.baseline() == null ? ""
                    : " against a baseline of " + Fmt.num(m.baseline())) + " (last batch " + Fmt.num(m.last())
                    + (m.lastLow() != null ? ", 95% interval " + Fmt.num(m.lastLow()) + "–" + Fmt.num(m.lastHigh()) : "") + ")";
            text += m.batchesWorseThanBaseline() > 0 ? "; in " + m.batchesWorseThanBaseline()
                    + " batches the whole interval was worse than the baseline." : ".";
            s.add(text);
        } else if (m.estimatedLast() != null) {
            s.add("Without labels, the estimated " + m.metric() + " of the last batch is " + Fmt.num(m.estimatedLast()) + ".");
        }
        s.add("Labels cover " + Fmt.pct(perf.labelCoverage()) + " of the rows.");
    }

    private static void fairness(Report.Fairness fairness, List<String> s) {
        for (Report.AttributeSection a : fairness.attributes()) {
            Report.GroupRow worst = null;
            for (Report.GroupRow g : a.groups()) {
                if (g.adverseImpactRatio() != null && (worst == null || g.adverseImpactRatio() < worst.adverseImpactRatio())) {
                    worst = g;
                }
            }
            if (worst == null) {
                continue;
            }
            boolean below = Boolean.TRUE.equals(worst.belowFourFifths());
            s.add("For " + a.attribute() + ", " + worst.group() + " was selected at " + Fmt.num(worst.selectionRate())
                    + " against " + Fmt.num(reference(a)) + " for " + a.referenceGroup() + ", an adverse-impact ratio of "
                    + Fmt.num(worst.adverseImpactRatio()) + (below ? ", below the four-fifths threshold" : "")
                    + (Boolean.TRUE.equals(worst.significant()) ? " and significant" : Boolean.FALSE.equals(worst.significant())
                    ? " but not significant" : "") + "; the newest batch's parity ratio is " + Fmt.num(a.latestParityRatio()) + ".");
        }
    }

    private static Double reference(Report.AttributeSection a) {
        return a.groups().stream().filter(Report.GroupRow::reference).map(Report.GroupRow::selectionRate).findFirst()
                .orElse(null);
    }

    private static void alerts(List<Report.AlertEntry> alerts, List<Report.IncidentEntry> incidents, List<String> s) {
        if (alerts.isEmpty()) {
            s.add("No alert fired in the period.");
            return;
        }
        int critical = 0;
        int warning = 0;
        Set<String> rules = new LinkedHashSet<>();
        List<String> open = new ArrayList<>();
        for (Report.AlertEntry a : alerts) {
            critical += "critical".equals(a.severity()) ? 1 : 0;
            warning += "warning".equals(a.severity()) ? 1 : 0;
            rules.add(a.rule());
            if (!"resolved".equals(a.status())) {
                open.add(a.rule() + (a.subject() == null ? "" : " (" + a.subject() + ")"));
            }
        }
        s.add(alerts.size() + (alerts.size() == 1 ? " alert" : " alerts") + " fired (" + critical + " critical, " + warning
                + " warning" + (incidents.isEmpty() ? "" : ", in " + incidents.size() + (incidents.size() == 1 ? " incident" : " incidents"))
                + ") under the rules "
                + String.join(", ", rules) + ".");
        if (open.isEmpty()) {
            s.add("All of them are resolved.");
        } else {
            List<String> shown = open.size() > 5 ? open.subList(0, 5) : open;
            s.add(open.size() + " " + (open.size() == 1 ? "is" : "are") + " still open: " + String.join("; ", shown)
                    + (open.size() > 5 ? "; and " + (open.size() - 5) + " more" : "") + ".");
        }
    }
}
