package io.modeltrust.alert.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.lifecycle.AlertView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/** Builds a {@link Report} from its inputs; plain Java, so the whole content is unit-testable without a database. */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    public static Report build(ReportInputs in) {
        List<ReportInputs.Batch> batches = in.batches();
        long rows = (long) Stats.sum(in.drift().size() > 0 ? in.drift().column("drift.rows")
                : in.performance().column("performance.rows"));
        TreeSet<Integer> references = new TreeSet<>();
        Integer spec = null;
        for (JsonNode latest : new JsonNode[] {in.latestDrift(), in.latestPerformance(), in.latestFairness()}) {
            if (latest != null) {
                if (latest.path("referenceVersion").isInt()) {
                    references.add(latest.path("referenceVersion").asInt());
                }
                if (latest.path("schemaVersion").isInt()) {
                    spec = spec == null ? latest.path("schemaVersion").asInt() : Math.max(spec, latest.path("schemaVersion").asInt());
                }
            }
        }
        String task = Stats.text(in.latestPerformance(), "task");
        Report.Header header = new Report.Header(in.modelId(), task, List.copyOf(references), in.from(), in.to(),
                batches.size(), rows, batches.isEmpty() ? null : batches.get(0).at(),
                batches.isEmpty() ? null : batches.get(batches.size() - 1).at(),
                batches.isEmpty() ? null : batches.get(0).batchId(),
                batches.isEmpty() ? null : batches.get(batches.size() - 1).batchId());
        Report.Performance performance = PerformanceSection.build(in.performance(), in.latestPerformance());
        Report.Drift drift = DriftSection.build(in.drift(), in.latestDrift(), in.payloads());
        Report.Fairness fairness = FairnessSection.build(in.fairness(), in.latestFairness());
        List<Report.AlertEntry> alerts = alerts(in);
        Report.Footer footer = new Report.Footer(in.rules().version(), in.rules().source(), in.rules().rules(),
                in.softwareVersion(), List.copyOf(references), baselineHash(in), spec, in.generatedAt(), in.maxPeriodDays());
        String summary = SummaryWriter.write(header, performance, drift, fairness, alerts, in.incidents());
        return new Report(header, summary, performance, drift, fairness, alerts, in.incidents(), footer);
    }

    private static List<Report.AlertEntry> alerts(ReportInputs in) {
        List<Report.AlertEntry> out = new ArrayList<>();
        for (AlertView a : in.alerts()) {
            ReportInputs.Span span = in.spans().get(a.alertId());
            out.add(new Report.AlertEntry(a.alertId(), a.rule(), a.kind(), a.severity(), a.status(), a.subject(), a.metric(),
                    a.value(), a.threshold(), span == null ? a.firstBatchId() : span.firstBatchId(),
                    span == null ? null : span.firstAt(), span == null ? a.batchId() : span.lastBatchId(),
                    span == null ? a.batchAt() : span.lastAt(), span == null ? 0 : span.occurrences(), a.openedAt(),
                    a.acknowledgedBy(), a.acknowledgedAt(), a.resolvedBy(), a.resolvedAt(), a.resolveReason(),
                    a.explanation(), in.audit().getOrDefault(a.alertId(), List.of())));
        }
        out.sort(Comparator.comparing((Report.AlertEntry e) -> e.firstBatchAt() == null ? Instant.MIN : e.firstBatchAt())
                .thenComparing(Report.AlertEntry::rule).thenComparing(Report.AlertEntry::alertId));
        return out;
    }

    /**
     * SHA-256 of the baselines the newest results compare with (performance baseline and estimate, each
     * attribute's fairness baseline, the drift decision rule): two reports with the same hash judged the
     * period against the same reference figures. Null when the period has no result.
     */
    static String baselineHash(ReportInputs in) {
        StringBuilder s = new StringBuilder();
        if (in.latestPerformance() != null) {
            s.append(in.latestPerformance().path("referenceVersion")).append(in.latestPerformance().path("baseline"))
                    .append(in.latestPerformance().path("baselineEstimated"));
        }
        if (in.latestFairness() != null) {
            for (JsonNode a : in.latestFairness().path("attributes")) {
                s.append(a.path("attribute")).append(a.path("baseline"));
            }
        }
        if (in.latestDrift() != null) {
            s.append(in.latestDrift().path("referenceVersion")).append(in.latestDrift().path("rule"));
        }
        if (s.isEmpty()) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString()
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
