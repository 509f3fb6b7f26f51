package io.modeltrust.alert.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.alert.lifecycle.AlertView;
import io.modeltrust.model.Json;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark, a main class and not a test: a 90-day report of a model with 1,000 batches × 50 features,
 * 2 sensitive attributes (3 groups each) and 200 alerts with audit trails, built and rendered as PDF,
 * against the HTML render of the same report as the baseline. Measures what alert-service does per request
 * after its reads (building the content, laying out, writing); the reads are a handful of statements
 * (ReportSource). Run with the service's heap limit:
 * <pre>
 * ./mvnw -B -q -pl alert-service -am test-compile -DskipTests &amp;&amp; ./mvnw -B -q -pl alert-service package -DskipTests
 * java -Xmx512m -cp "alert-service/target/test-classes:alert-service/target/classes:alert-service/target/quarkus-app/lib/main/*" \
 *     io.modeltrust.alert.report.ReportBench
 * </pre>
 * Figures go to stdout and alert-service/target/report-bench.txt; the PDF to target/report-bench.pdf.
 */
public final class ReportBench {

    static final int BATCHES = Integer.getInteger("bench.batches", 1000);
    static final int FEATURES = Integer.getInteger("bench.features", 50);
    static final int ALERTS = 200;
    static final int RUNS = 5;
    static final Instant T0 = Instant.parse("2026-09-01T00:00:00Z");

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        Random random = new Random(42);
        Instant[] at = new Instant[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            at[b] = T0.plusSeconds(b * 90L * 86_400 / BATCHES);
        }
        VectorTable perf = perf(at, random);
        VectorTable drift = drift(at, random);
        VectorTable fairness = fairness(at, random);
        String driftDoc = driftDocument();
        JsonNode latestFairness = fairnessDocument();
        List<AlertView> alerts = new ArrayList<>();
        Map<String, List<Report.AuditStep>> audit = new HashMap<>();
        Map<String, ReportInputs.Span> spans = new HashMap<>();
        alerts(at, alerts, audit, spans);
        List<Report.RuleLine> rules = new ArrayList<>();
        for (int r = 0; r < 15; r++) {
            rules.add(new Report.RuleLine("rule-" + r, "drift.features.*.drifted", "eq", 1, "info", true, "Rule number " + r));
        }
        List<ReportInputs.Batch> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            batches.add(new ReportInputs.Batch("batch-" + b, at[b], b + 1));
        }
        ReportInputs in = new ReportInputs("bench-model", T0, T0.plus(Duration.ofDays(90)), batches, perf, drift, fairness,
                null, Json.fromString(driftDoc, JsonNode.class), latestFairness,
                (batchId, kind) -> Json.fromString(driftDoc, JsonNode.class), alerts, audit, spans, List.of(),
                new ReportInputs.RuleSetInfo(3, "stored", rules), "bench", Instant.now(), Period.MAX_DAYS);

        long[] build = new long[RUNS];
        long[] html = new long[RUNS];
        long[] pdf = new long[RUNS];
        byte[] lastPdf = null;
        int htmlChars = 0;
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            Report report = ReportBuilder.build(in);
            long t1 = System.nanoTime();
            String doc = Html.render(report, Html.Paper.A4);
            long t2 = System.nanoTime();
            // -Dbench.noCharts=true: the same document without its SVG, to see what the charts cost.
            lastPdf = Pdf.fromHtml(Boolean.getBoolean("bench.noCharts") ? doc.replaceAll("(?s)<svg.*?</svg>", "") : doc);
            long t3 = System.nanoTime();
            build[run] = t1 - t0;
            html[run] = t2 - t1;
            pdf[run] = t3 - t2;
            htmlChars = doc.length();
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Path target = Path.of(System.getProperty("bench.out", "alert-service/target"));
        Files.createDirectories(target);
        Files.write(target.resolve("report-bench.pdf"), lastPdf);
        String out = String.format(Locale.ROOT, """
                report bench: %d batches × %d features over 90 days, 2 sensitive attributes × 3 groups, %d alerts
                max heap %d MB; peak heap used (sum of pools' peaks) %d MB
                run  build ms  html ms  pdf ms (layout + write, from the same html)  total pdf ms
                %s
                median: build %.0f ms, html %.0f ms (baseline), html→pdf %.0f ms; PDF of a request = build + html + pdf = %.0f ms
                html %,d chars; pdf %,d bytes, %s
                """, BATCHES, FEATURES, ALERTS, Runtime.getRuntime().maxMemory() >> 20, peak >> 20, rows(build, html, pdf),
                median(build), median(html), median(pdf), median(build) + median(html) + median(pdf), htmlChars,
                lastPdf.length, pages(lastPdf));
        System.out.print(out);
        Files.writeString(target.resolve("report-bench.txt"), out);
    }

    private static String rows(long[] build, long[] html, long[] pdf) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < build.length; i++) {
            s.append(String.format(Locale.ROOT, "%3d  %8.0f  %7.0f  %6.0f  %12.0f%n", i + 1, build[i] / 1e6, html[i] / 1e6,
                    pdf[i] / 1e6, (build[i] + html[i] + pdf[i]) / 1e6));
        }
        return s.toString().stripTrailing();
    }

    /** The median of the runs after the first (JIT warm-up), in ms. */
    private static double median(long[] v) {
        long[] w = java.util.Arrays.copyOfRange(v, 1, v.length);
        java.util.Arrays.sort(w);
        return w[w.length / 2] / 1e6;
    }

    private static String pages(byte[] pdf) throws Exception {
        return PdfText.info(pdf).lines().filter(l -> l.startsWith("Pages:")).findFirst().orElse("Pages: ?").replaceAll("\\s+", " ");
    }

    private static VectorTable perf(Instant[] at, Random r) {
        List<String> paths = List.of("performance.rows", "performance.labeledRows", "performance.labelCoverage",
                "performance.labelDelaySeconds", "performance.accuracy", "performance.accuracy.baseline",
                "performance.accuracy.intervalLow", "performance.accuracy.intervalHigh", "performance.estimated.accuracy",
                "performance.rocAuc", "performance.rocAuc.baseline", "performance.rocAuc.intervalLow",
                "performance.rocAuc.intervalHigh", "performance.estimated.rocAuc", "performance.f1", "performance.f1.baseline");
        return table(at, paths, (p, b) -> switch (p) {
            case "performance.rows" -> 500.0;
            case "performance.labeledRows" -> b < at.length - 50 ? 500.0 : 0.0;
            case "performance.labelCoverage" -> b < at.length - 50 ? 1.0 : 0.0;
            case "performance.labelDelaySeconds" -> 86_400.0 * 3;
            case "performance.accuracy.baseline" -> 0.87;
            case "performance.rocAuc.baseline" -> 0.91;
            case "performance.f1.baseline" -> 0.8;
            default -> {
                double v = 0.86 - (b > 600 ? 0.06 : 0) + r.nextGaussian() * 0.01;
                yield p.endsWith("intervalLow") ? v - 0.03 : p.endsWith("intervalHigh") ? v + 0.03 : v;
            }
        });
    }

    private static VectorTable drift(Instant[] at, Random r) {
        List<String> paths = new ArrayList<>(List.of("drift.rows", "drift.driftShare", "drift.datasetDrift"));
        for (int f = 0; f < FEATURES; f++) {
            for (String field : List.of("statistic", "pValue", "adjustedPValue", "psi", "jensenShannon", "wasserstein", "drifted")) {
                paths.add("drift.features.feature_" + f + "." + field);
            }
            for (String field : List.of("referenceMissingShare", "missingShare", "missingShareChange", "outOfRangeShare")) {
                paths.add("drift.dataQuality.feature_" + f + "." + field);
            }
        }
        return table(at, paths, (p, b) -> {
            if (p.equals("drift.rows")) {
                return 500.0;
            }
            if (p.endsWith(".drifted")) {
                int f = Integer.parseInt(p.substring("drift.features.feature_".length(), p.lastIndexOf('.')));
                return f < 5 && b > 300 + 50 * f ? 1.0 : r.nextDouble() < 0.02 ? 1.0 : 0.0;
            }
            return r.nextDouble() * 0.2;
        });
    }

    private static VectorTable fairness(Instant[] at, Random r) {
        List<String> paths = new ArrayList<>();
        for (String a : List.of("sex", "age_band")) {
            paths.add("fairness." + a + ".demographicParityRatio");
            paths.add("fairness." + a + ".equalOpportunityDifference");
            for (String g : List.of("g1", "g2", "g3")) {
                for (String field : List.of("count", "selectionRate", "selectionRateLow", "selectionRateHigh", "tpr",
                        "disparateImpactRatio", "pValue")) {
                    paths.add("fairness." + a + ".groups." + g + "." + field);
                }
            }
        }
        return table(at, paths, (p, b) -> p.endsWith(".count") ? 160.0 : p.endsWith("selectionRate")
                ? (p.contains("g3") ? 0.35 : 0.5) + r.nextGaussian() * 0.02 : p.endsWith("demographicParityRatio")
                ? 0.7 + r.nextGaussian() * 0.05 : r.nextDouble());
    }

    private static VectorTable table(Instant[] at, List<String> paths, java.util.function.BiFunction<String, Integer, Double> f) {
        Map<String, Integer> index = new LinkedHashMap<>();
        paths.forEach(p -> index.put(p, index.size()));
        double[][] rows = new double[at.length][paths.size()];
        List<String> ids = new ArrayList<>();
        for (int b = 0; b < at.length; b++) {
            ids.add("batch-" + b);
            for (int i = 0; i < paths.size(); i++) {
                rows[b][i] = f.apply(paths.get(i), b);
            }
        }
        return new VectorTable(ids, List.of(at), index, rows);
    }

    private static String driftDocument() {
        ObjectNode n = Json.MAPPER.createObjectNode().put("kind", "drift").put("schemaVersion", 1).put("referenceVersion", 2)
                .put("batchId", "batch-999");
        ArrayNode features = n.putArray("features");
        for (int f = 0; f < FEATURES; f++) {
            features.addObject().put("feature", "feature_" + f).put("drifted", f < 5)
                    .put("explanation", "The distribution of feature_" + f + " shifted: median 41,200 → 48,900, and the top "
                            + "bin [40,000, 45,000) lost 12 points.");
        }
        return n.toString();
    }

    private static JsonNode fairnessDocument() {
        ObjectNode n = Json.MAPPER.createObjectNode().put("batchId", "batch-999").put("minGroupSize", 30);
        ArrayNode attributes = n.putArray("attributes");
        for (String a : List.of("sex", "age_band")) {
            ObjectNode x = attributes.addObject().put("attribute", a).put("referenceGroup", "g1")
                    .put("demographicParityRatio", 0.7).put("equalOpportunityDifference", 0.08);
            x.putObject("baseline").put("demographicParityRatio", 0.93);
            ArrayNode groups = x.putArray("groups");
            for (String g : List.of("g1", "g2", "g3")) {
                groups.addObject().put("group", g).put("tpr", 0.7);
            }
        }
        return n;
    }

    private static void alerts(Instant[] at, List<AlertView> alerts, Map<String, List<Report.AuditStep>> audit,
                               Map<String, ReportInputs.Span> spans) {
        for (int i = 0; i < ALERTS; i++) {
            int first = (i * 5) % at.length;
            int last = Math.min(at.length - 1, first + 3);
            String id = String.format(Locale.ROOT, "00000000-0000-0000-0000-%012d", i);
            boolean resolved = i % 3 == 0;
            String rule = List.of("drift.features", "performance.accuracy-drop", "fairness.disparate-impact",
                    "data_quality.missing-share").get(i % 4);
            alerts.add(new AlertView(id, "bench-model", "batch-" + last, rule, "drift", i % 5 == 0 ? "critical" : "warning",
                    resolved ? "resolved" : "open", "feature_" + (i % FEATURES), null, "psi", "drift.features.x.psi", "gt",
                    0.31, 0.2, "feature_" + (i % FEATURES) + " drifted: PSI 0.31 above 0.2 for 4 batches.", 4,
                    "batch-" + first, at[last], at[first], at[last], resolved ? at[last] : null, resolved ? "analyst" : null,
                    resolved ? at[last] : null, resolved ? "analyst" : null, resolved ? "retrained" : null, null, null));
            audit.put(id, List.of(new Report.AuditStep(at[first], "open", null, "open", "system", null),
                    new Report.AuditStep(at[last], "resolve", "open", "resolved", "analyst", "retrained")));
            spans.put(id, new ReportInputs.Span("batch-" + first, at[first], "batch-" + last, at[last], 4));
        }
    }
}
