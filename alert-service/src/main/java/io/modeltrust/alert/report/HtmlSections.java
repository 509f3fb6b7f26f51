package io.modeltrust.alert.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The header, performance, drift, alerts and footer sections of {@link Html}. */
final class HtmlSections {

    private static final String[] COLORS = {"#4a78b5", "#c0392b", "#2e8b57", "#8e44ad"};

    private HtmlSections() {
    }

    static void header(StringBuilder out, Report r) {
        Report.Header h = r.header();
        out.append("<h1>Model report: ").append(Html.escape(h.modelId())).append("</h1>");
        out.append("<p class=\"muted\">Period ").append(Fmt.time(h.from())).append(" to ").append(Fmt.time(h.to()))
                .append(" (the end excluded). Generated ").append(Fmt.time(r.footer().generatedAt()))
                .append(" from the stored monitoring history.</p>");
        table(out, List.of("Model", "Task", "Reference version", "Batches", "Rows monitored", "First batch", "Last batch"),
                List.of(List.of(h.modelId(), h.task() == null ? "–" : h.task(), versions(h.referenceVersions()),
                        Fmt.count(h.batches()), Fmt.count(h.rows()), Fmt.time(h.firstBatchAt()), Fmt.time(h.lastBatchAt()))));
    }

    static void performance(StringBuilder out, Report.Performance p) {
        out.append("<h2 id=\"performance\">Performance</h2>");
        if (p.note() != null) {
            out.append("<p class=\"muted\">").append(Html.escape(p.note())).append("</p>");
        }
        out.append("<p>Labels cover ").append(Fmt.pct(p.labelCoverage())).append(" of the period's rows (")
                .append(Fmt.count(p.labeledRows())).append(" labelled)").append(p.meanLabelDelaySeconds() == null ? "."
                        : "; labels arrived on average " + delay(p.meanLabelDelaySeconds()) + " after their predictions.")
                .append("</p>");
        List<List<String>> rows = new ArrayList<>();
        for (Report.MetricTrend m : p.metrics()) {
            rows.add(List.of(m.metric(), Fmt.num(m.baseline()), Fmt.num(m.first()), Fmt.num(m.last()),
                    m.lastLow() == null ? "–" : Fmt.num(m.lastLow()) + "–" + Fmt.num(m.lastHigh()), Fmt.num(m.mean()),
                    Fmt.num(m.min()) + " / " + Fmt.num(m.max()), Fmt.num(m.estimatedLast()), Fmt.num(m.meanEstimationError()),
                    String.valueOf(m.batchesWorseThanBaseline())));
        }
        table(out, List.of("Metric", "Baseline", "First", "Last", "Last 95% interval", "Mean", "Min / max", "Estimated (last)",
                "Realised − estimated (mean)", "Batches worse than baseline"), rows);
        for (Report.MetricTrend m : p.metrics()) {
            out.append("<h3>").append(Html.escape(m.metric())).append(" per batch</h3>");
            List<Svg.Line> lines = new ArrayList<>();
            lines.add(new Svg.Line("realised", m.values(), COLORS[0], false));
            if (Stats.any(m.estimated())) {
                lines.add(new Svg.Line("estimated", m.estimated(), COLORS[1], true));
            }
            out.append(Svg.lineChart(p.at(), lines, new Svg.Band(m.low(), m.high(), COLORS[0]), m.baseline(), "baseline", 170));
        }
        if (Stats.any(p.coverageSeries())) {
            out.append("<h3>Label coverage per batch</h3>").append(Svg.lineChart(p.at(),
                    List.of(new Svg.Line("label coverage", p.coverageSeries(), COLORS[2], false)), null, null, null, 120));
        }
    }

    static void drift(StringBuilder out, Report.Drift d) {
        out.append("<h2 id=\"drift\">Drift and data quality</h2>");
        out.append("<p>").append(d.batches()).append(" batches were tested on ").append(d.features().size())
                .append(" features; ").append(d.drifted().size()).append(" features drifted in at least one batch, and ")
                .append(d.datasetDriftBatches()).append(" batches drifted as a whole.</p>");
        out.append("<h3>Features × batches</h3>").append(Svg.heatMap(d.heatMap()));
        if (!d.at().isEmpty()) {
            out.append("<h3>Share of drifted features per batch</h3>").append(Svg.lineChart(d.at(),
                    List.of(new Svg.Line("drift share", d.driftShare(), COLORS[1], false)), null, null, null, 120));
        }
        out.append("<h3>Drifted features</h3>");
        List<List<String>> rows = new ArrayList<>();
        for (Report.DriftedFeature f : d.drifted()) {
            rows.add(List.of(f.feature(), f.batchesDrifted() + " of " + f.batchesTested(), Fmt.num(f.maxPsi()),
                    Fmt.time(f.lastAt()), f.explanation() == null ? "–" : f.explanation()));
        }
        table(out, List.of("Feature", "Batches drifted", "Max PSI", "Last drifted", "Explanation (last drifted batch)"), rows);
        if (d.multivariate() != null) {
            Report.Multivariate m = d.multivariate();
            out.append("<h3>Multivariate drift</h3><p>").append(Html.escape(m.method())).append(" in the newest batch: ")
                    .append(Fmt.num(m.value())).append(" against the reference range ").append(Fmt.num(m.lower())).append("–")
                    .append(Fmt.num(m.upper())).append(m.drifted() ? ", drifted" : ", not drifted")
                    .append(m.contributors().isEmpty() ? "." : "; the reconstruction error grew most for "
                            + Html.escape(String.join(", ", m.contributors())) + ".").append("</p>");
        }
        if (d.domainClassifier() != null) {
            Report.Multivariate m = d.domainClassifier();
            out.append("<h3>Domain classifier</h3><p>In the newest batch a classifier told the batch from the reference "
                    + "with cross-validated AUC ").append(Fmt.num(m.value())).append(" against the reference band ")
                    .append(Fmt.num(m.lower())).append("–").append(Fmt.num(m.upper()))
                    .append(m.drifted() ? ", drifted" : ", not drifted")
                    .append(m.contributors().isEmpty() ? "." : "; it leant most on "
                            + Html.escape(String.join(", ", m.contributors())) + ".").append("</p>");
        }
        if (!d.segments().isEmpty()) {
            out.append("<h3>Drift in segments</h3>");
            List<List<String>> seg = new ArrayList<>();
            for (Report.SegmentFinding f : d.segments()) {
                seg.add(List.of(f.feature(), f.segment(), f.batchesDrifted() + " of " + f.batchesTested(), Fmt.time(f.lastAt())));
            }
            table(out, List.of("Feature", "Segment", "Batches drifted", "Last drifted"), seg);
        }
        out.append("<h3>Data quality</h3>");
        List<List<String>> q = new ArrayList<>();
        for (Report.QualityRow row : d.quality()) {
            q.add(List.of(row.column(), Fmt.pct(row.referenceMissingShare()), Fmt.pct(row.meanMissingShare()),
                    Fmt.pct(row.maxMissingShare()), Fmt.pct(row.maxOutOfRangeShare()), Fmt.pct(row.maxUnseenCategoryShare())));
        }
        table(out, List.of("Column", "Missing (reference)", "Missing (mean)", "Missing (max)", "Out of range (max)",
                "Unseen categories (max)"), q);
    }

    static void alerts(StringBuilder out, List<Report.AlertEntry> alerts, List<Report.IncidentEntry> incidents) {
        out.append("<h2 id=\"alerts\">Alerts and incidents</h2>");
        if (alerts.isEmpty()) {
            out.append("<p>No alert breached in the period.</p>");
        }
        // One table for every alert, not a heading and table each: 200 alerts lay out in a fraction of the time.
        if (!alerts.isEmpty()) {
            out.append("<table><thead><tr><th>Severity</th><th>Rule · subject</th><th>Status</th><th>First – last batch</th>"
                    + "<th>Breaches</th><th>Acknowledged</th><th>Resolved</th><th>Explanation and audit trail</th></tr></thead><tbody>");
            for (Report.AlertEntry a : alerts) {
                out.append("<tr><td class=\"sev-").append(Html.escape(a.severity())).append("\">").append(Html.escape(a.severity()))
                        .append("</td><td>").append(Html.escape(a.rule())).append(a.subject() == null ? ""
                                : "<br/>" + Html.escape(a.subject())).append("</td><td>").append(Html.escape(a.status()))
                        .append("</td><td>").append(Fmt.time(a.firstBatchAt())).append(" – ").append(Fmt.time(a.lastBatchAt()))
                        .append("</td><td class=\"n\">").append(a.occurrencesInPeriod()).append("</td><td>")
                        .append(Html.escape(who(a.acknowledgedBy(), a.acknowledgedAt(), null))).append("</td><td>")
                        .append(Html.escape(who(a.resolvedBy(), a.resolvedAt(), a.resolveReason()))).append("</td><td>")
                        .append(Html.escape(a.explanation() == null ? a.metric() + " " + Fmt.num(a.value()) + " (threshold "
                                + Fmt.num(a.threshold()) + ")" : a.explanation()));
                if (!a.audit().isEmpty()) {
                    out.append("<br/><span class=\"muted\">").append(Html.escape(a.audit().stream()
                            .map(s -> Fmt.time(s.at()) + " " + s.transition() + " by " + s.actor()
                                    + (s.reason() == null ? "" : " (" + s.reason() + ")")).collect(Collectors.joining("; "))))
                            .append("</span>");
                }
                out.append("</td></tr>");
            }
            out.append("</tbody></table>");
        }
        if (!incidents.isEmpty()) {
            out.append("<h3>Incidents</h3>");
            List<List<String>> rows = new ArrayList<>();
            for (Report.IncidentEntry i : incidents) {
                rows.add(List.of(Fmt.time(i.from()) + " – " + Fmt.time(i.to()), i.severity(), i.status(), String.join(", ", i.kinds()),
                        String.valueOf(i.alertIds().size()), i.explanation() == null ? "–" : i.explanation()));
            }
            table(out, List.of("Batches", "Severity", "Status", "Kinds", "Alerts", "Explanation"), rows);
        }
    }

    static void footer(StringBuilder out, Report.Footer f) {
        out.append("<h2 id=\"reproducibility\">Rules in force and reproducibility</h2>");
        out.append("<p>Rule set version ").append(f.ruleSetVersion()).append(" (").append(Html.escape(f.ruleSetSource()))
                .append(").</p>");
        List<List<String>> rows = new ArrayList<>();
        for (Report.RuleLine r : f.rules()) {
            rows.add(List.of(r.id(), r.path(), r.comparison() + " " + Fmt.num(r.threshold()), r.severity(),
                    r.enabled() ? "yes" : "no", r.description() == null ? "" : r.description()));
        }
        table(out, List.of("Rule", "Path", "Condition", "Severity", "Enabled", "Description"), rows);
        table(out, List.of("Software version", "Reference version", "Baseline hash (SHA-256)", "Result schema version",
                "Generated at", "Longest period"), List.of(List.of(f.softwareVersion(), versions(f.referenceVersions()),
                f.baselineHash() == null ? "–" : f.baselineHash(), f.specVersion() == null ? "–" : String.valueOf(f.specVersion()),
                Fmt.time(f.generatedAt()), f.maxPeriodDays() + " days")));
    }

    static void table(StringBuilder out, List<String> head, List<List<String>> rows) {
        if (rows.isEmpty()) {
            out.append("<p class=\"muted\">None.</p>");
            return;
        }
        out.append("<table><thead><tr>");
        head.forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(c -> out.append(c.length() > 40 && !c.contains(" ") ? "<td class=\"wrap\">" : "<td>")
                    .append(Html.escape(c)).append("</td>"));
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    private static String who(String by, java.time.Instant at, String reason) {
        return by == null ? "–" : by + ", " + Fmt.time(at) + (reason == null ? "" : " (" + reason + ")");
    }

    private static String versions(List<Integer> v) {
        return v.isEmpty() ? "–" : v.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String delay(double seconds) {
        return seconds >= 86_400 ? Fmt.num(seconds / 86_400) + " days" : seconds >= 3600 ? Fmt.num(seconds / 3600) + " hours"
                : Fmt.num(seconds) + " seconds";
    }
}
