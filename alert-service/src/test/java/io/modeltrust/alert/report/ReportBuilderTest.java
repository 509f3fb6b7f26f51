package io.modeltrust.alert.report;

import io.modeltrust.stats.BenjaminiHochberg;
import io.modeltrust.stats.ProportionTests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** The report's content from hand-made inputs: no database, so every figure is checked against arithmetic. */
class ReportBuilderTest {

    static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    /** A table of {@code n} hourly batches whose paths take the values {@code f(path, batch)}. */
    static VectorTable table(int n, List<String> paths, java.util.function.BiFunction<String, Integer, Double> f) {
        Map<String, Integer> index = new LinkedHashMap<>();
        paths.forEach(p -> index.put(p, index.size()));
        List<String> ids = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        double[][] rows = new double[n][paths.size()];
        for (int b = 0; b < n; b++) {
            ids.add("b" + b);
            at.add(T0.plus(Duration.ofHours(b)));
            for (int i = 0; i < paths.size(); i++) {
                Double v = f.apply(paths.get(i), b);
                rows[b][i] = v == null ? Double.NaN : v;
            }
        }
        return new VectorTable(ids, at, index, rows);
    }

    static ReportInputs inputs(int n, VectorTable perf, VectorTable drift, VectorTable fairness, JsonNode latestFairness,
                               ReportInputs.Payloads payloads) {
        List<ReportInputs.Batch> batches = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            batches.add(new ReportInputs.Batch("b" + b, T0.plus(Duration.ofHours(b)), b + 1));
        }
        return new ReportInputs("m1", T0, T0.plus(Duration.ofDays(1)), batches, perf, drift, fairness, null, null,
                latestFairness, payloads, List.of(), Map.of(), Map.of(), List.of(),
                new ReportInputs.RuleSetInfo(0, "default", List.of(new Report.RuleLine("drift.features",
                        "drift.features.*.drifted", "eq", 1, "info", true, "Features whose distribution drifted"))),
                "test", T0.plus(Duration.ofDays(2)), Period.MAX_DAYS);
    }

    @Test
    void driftHeatMapBinsBatchesAndQuotesTheLastDriftedBatch() {
        int n = 250; // 250 batches → 3 per column, 84 columns
        VectorTable drift = table(n, List.of("drift.features.x.drifted", "drift.features.x.psi", "drift.features.y.drifted",
                "drift.driftShare", "drift.rows", "drift.segments.region=north.features.y.drifted",
                "drift.segments.region=east.features.y.drifted"), (p, b) -> switch (p) {
                    case "drift.features.x.drifted" -> b >= 200 ? 1.0 : 0.0;
                    case "drift.segments.region=north.features.y.drifted" -> b >= 240 ? 1.0 : 0.0;
                    case "drift.segments.region=east.features.y.drifted" -> 0.0;
                    case "drift.features.x.psi" -> b >= 200 ? 0.3 + b / 10_000.0 : 0.01;
                    case "drift.features.y.drifted" -> b < 100 ? null : 0.0;
                    case "drift.rows" -> 100.0;
                    default -> 0.5;
                });
        List<String> asked = new ArrayList<>();
        ReportInputs.Payloads payloads = (batchId, kind) -> {
            asked.add(batchId + "/" + kind);
            return Json.fromString("{\"features\":[{\"feature\":\"x\",\"explanation\":\"x moved in " + batchId + "\"}]}",
                    JsonNode.class);
        };
        Report r = ReportBuilder.build(inputs(n, VectorTable.empty(), drift, VectorTable.empty(), null, payloads));
        assertEquals(25_000, r.header().rows());
        assertEquals(List.of("x", "y"), r.drift().features());
        assertEquals(3, r.drift().heatMap().batchesPerColumn());
        assertEquals(84, r.drift().heatMap().columnStarts().size());
        assertEquals(0.0, r.drift().heatMap().share()[0][65], 0); // batches 195..197
        assertEquals(1 / 3.0, r.drift().heatMap().share()[0][66], 1e-15); // 198 and 199 no, 200 yes
        assertEquals(1.0, r.drift().heatMap().share()[0][67], 0);
        assertTrue(Double.isNaN(r.drift().heatMap().share()[1][0]), "y not tested in the first batches");
        Report.DriftedFeature x = r.drift().drifted().get(0);
        assertEquals(50, x.batchesDrifted());
        assertEquals("b249", x.lastBatchId());
        assertEquals("x moved in b249", x.explanation());
        assertEquals(0.3249, x.maxPsi(), 1e-12);
        assertEquals(List.of("b249/drift"), asked, "only the quoted batch's document is read");
        assertEquals(List.of(new Report.SegmentFinding("region=north", "y", 10, 250, r.drift().at().get(249))),
                r.drift().segments(), "only the segment where y drifted");
        assertTrue(Html.render(r, Html.Paper.A4).contains("<h3>Drift in segments</h3>"));
    }

    @Test
    void fairnessPoolsThePeriodAndKeepsTheServicesLatestRatio() {
        String g = "fairness.sex.groups.";
        VectorTable fairness = table(4, List.of(g + "m.count", g + "m.selectionRate", g + "f.count", g + "f.selectionRate",
                "fairness.sex.demographicParityRatio"), (p, b) -> switch (p) {
                    case "fairness.sex.groups.m.count" -> 100.0;
                    case "fairness.sex.groups.m.selectionRate" -> 0.5;
                    case "fairness.sex.groups.f.count" -> 50.0;
                    case "fairness.sex.groups.f.selectionRate" -> b < 2 ? 0.4 : 0.2;
                    default -> b < 2 ? 0.8 : 0.4;
                });
        JsonNode latest = Json.fromString("""
                {"batchId":"b3","minGroupSize":30,"attributes":[{"attribute":"sex","referenceGroup":"m",
                 "demographicParityRatio":0.4,"baseline":{"demographicParityRatio":0.95},
                 "groups":[{"group":"m","tpr":0.7},{"group":"f","tpr":0.5}]}]}""", JsonNode.class);
        Report r = ReportBuilder.build(inputs(4, VectorTable.empty(), VectorTable.empty(), fairness, latest, (b, k) -> null));
        Report.AttributeSection sex = r.fairness().attributes().get(0);
        assertEquals(0.4, sex.latestParityRatio(), 0);
        assertEquals(0.95, sex.baselineParityRatio(), 0);
        assertEquals(2, sex.batchesBelowFourFifths());
        Report.GroupRow f = sex.groups().stream().filter(x -> x.group().equals("f")).findFirst().orElseThrow();
        assertEquals(200, f.count());
        assertEquals(60, f.selected()); // 2 × 20 + 2 × 10
        assertEquals(0.3 / 0.5, f.adverseImpactRatio(), 1e-15);
        assertEquals(0.6, sex.periodParityRatio(), 1e-15);
        double[] ci = ProportionTests.wilson(60, 200);
        assertEquals(ci[0], f.low(), 0);
        assertEquals("z-test", f.test());
        assertEquals(ProportionTests.twoProportionZPValue(60, 200, 200, 400), f.pValue(), 0);
        assertEquals(f.pValue(), f.adjustedPValue(), 0, "one tested group: BH leaves its p");
        assertTrue(f.significant());
        assertTrue(f.belowFourFifths());
        assertEquals(0.5, f.latestTpr(), 0);
        Report.GroupRow m = sex.groups().stream().filter(Report.GroupRow::reference).findFirst().orElseThrow();
        assertEquals("m", m.group());
        assertNull(m.adverseImpactRatio());
        assertTrue(r.summary().contains("adverse-impact ratio of 0.600, below the four-fifths threshold and significant"),
                r.summary());
    }

    @Test
    void anEmptyPeriodSaysSoAndRendersAsWellFormedDocuments() throws Exception {
        Report r = ReportBuilder.build(inputs(0, VectorTable.empty(), VectorTable.empty(), VectorTable.empty(), null,
                (b, k) -> null));
        assertTrue(r.summary().startsWith("No batch of model m1 is stored between"), r.summary());
        assertEquals(0, r.header().batches());
        assertTrue(r.alerts().isEmpty());
        String html = Html.render(r, Html.Paper.LETTER);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("size:letter"));
        String json = ReportJson.write(r);
        assertFalse(json.contains("NaN"));
        assertEquals(r.summary(), ReportJson.read(json).summary());
        assertTrue(PdfText.text(Pdf.render(r, Html.Paper.A4)).contains("No batch of model m1"));
    }

    @Test
    void periodsAreCheckedOnce() {
        assertThrows(Period.InvalidPeriodException.class, () -> new Period(T0, T0.minusSeconds(1)));
        assertThrows(Period.InvalidPeriodException.class, () -> new Period(T0, T0));
        assertThrows(Period.InvalidPeriodException.class, () -> new Period(T0, T0.plus(Duration.ofDays(367))));
        assertEquals(366, Duration.between(T0, new Period(T0, T0.plus(Duration.ofDays(366))).to()).toDays());
    }

    @Test
    void jsonWritesMissingBatchValuesAsNull() {
        VectorTable perf = table(3, List.of("performance.accuracy", "performance.rows", "performance.labeledRows"),
                (p, b) -> p.equals("performance.accuracy") ? (b == 1 ? (Double) null : Double.valueOf(0.9)) : Double.valueOf(10.0));
        Report r = ReportBuilder.build(inputs(3, perf, VectorTable.empty(), VectorTable.empty(), null, (b, k) -> null));
        String json = ReportJson.write(r);
        assertTrue(json.contains("\"values\":[0.9,null,0.9]"), json);
        assertEquals(1.0, r.performance().labelCoverage(), 0);
    }
}
