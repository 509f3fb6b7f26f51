package io.modeltrust.alert.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.alert.rules.InvalidPathException;
import io.modeltrust.alert.rules.MetricPath;
import io.modeltrust.alert.rules.Section;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The drift section: the features × batches heat map, the drifted features with their explanations, data quality. */
final class DriftSection {

    /** Heat-map columns at most: 1,000 batches on an A4 page would be a fifth of a millimetre each. */
    static final int MAX_COLUMNS = 100;

    private DriftSection() {
    }

    static Report.Drift build(VectorTable t, JsonNode latest, ReportInputs.Payloads payloads) {
        List<String> features = subjects(t, Section.DRIFT_FEATURE, "drifted");
        int batches = t.size();
        double[][] drifted = new double[features.size()][];
        List<Report.DriftedFeature> found = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            String name = features.get(f);
            drifted[f] = t.column("drift.features." + name + ".drifted");
            int count = 0;
            int last = -1;
            for (int b = 0; b < batches; b++) {
                if (drifted[f][b] == 1.0) {
                    count++;
                    last = b;
                }
            }
            if (count > 0) {
                String batchId = t.batchIds().get(last);
                found.add(new Report.DriftedFeature(name, count, Stats.count(drifted[f]),
                        Stats.max(t.column("drift.features." + name + ".psi")), batchId, t.at().get(last),
                        explanation(payloads.result(batchId, "drift"), name)));
            }
        }
        found.sort(Comparator.comparingInt(Report.DriftedFeature::batchesDrifted).reversed()
                .thenComparing(Report.DriftedFeature::feature));
        double[] datasetDrift = t.column("drift.datasetDrift");
        int datasetDriftBatches = 0;
        for (double d : datasetDrift) {
            datasetDriftBatches += d == 1.0 ? 1 : 0;
        }
        return new Report.Drift(batches, features, heatMap(features, t.at(), drifted), t.at(), t.column("drift.driftShare"),
                datasetDriftBatches, found, quality(t), multivariate(latest, "multivariate"),
                multivariate(latest, "domainClassifier"), segments(t));
    }

    /** Consecutive batches share a column; a cell is the share of its tested batches in which the feature drifted. */
    static Report.HeatMap heatMap(List<String> features, List<Instant> at, double[][] drifted) {
        int batches = at.size();
        int per = Math.max(1, (batches + MAX_COLUMNS - 1) / MAX_COLUMNS);
        int columns = (batches + per - 1) / per;
        double[][] share = new double[features.size()][columns];
        List<Instant> starts = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            starts.add(at.get(c * per));
        }
        for (int f = 0; f < features.size(); f++) {
            for (int c = 0; c < columns; c++) {
                int tested = 0;
                int hit = 0;
                for (int b = c * per; b < Math.min(batches, (c + 1) * per); b++) {
                    double d = drifted[f][b];
                    if (!Double.isNaN(d)) {
                        tested++;
                        hit += d == 1.0 ? 1 : 0;
                    }
                }
                share[f][c] = tested == 0 ? Double.NaN : (double) hit / tested;
            }
        }
        return new Report.HeatMap(features, starts, per, share);
    }

    private static List<Report.QualityRow> quality(VectorTable t) {
        List<Report.QualityRow> out = new ArrayList<>();
        for (String column : subjects(t, Section.DATA_QUALITY, "missingShare")) {
            String p = "drift.dataQuality." + column + ".";
            double[] missing = t.column(p + "missingShare");
            out.add(new Report.QualityRow(column, Stats.last(t.column(p + "referenceMissingShare")), Stats.mean(missing),
                    Stats.max(missing), Stats.max(t.column(p + "outOfRangeShare")),
                    Stats.max(t.column(p + "unseenCategoryShare"))));
        }
        return out;
    }

    /** Every (segment, feature) that drifted in a batch of the period, most often first. */
    static List<Report.SegmentFinding> segments(VectorTable t) {
        List<Report.SegmentFinding> out = new ArrayList<>();
        for (String path : t.paths()) {
            MetricPath p = parse(path);
            if (p == null || p.section() != Section.DRIFT_SEGMENT || !"drifted".equals(p.field())) {
                continue;
            }
            double[] drifted = t.column(path);
            int count = 0;
            int last = -1;
            for (int b = 0; b < drifted.length; b++) {
                if (drifted[b] == 1.0) {
                    count++;
                    last = b;
                }
            }
            if (count > 0) {
                out.add(new Report.SegmentFinding(p.subject(), p.group(), count, Stats.count(drifted), t.at().get(last)));
            }
        }
        out.sort(Comparator.comparingInt(Report.SegmentFinding::batchesDrifted).reversed()
                .thenComparing(Report.SegmentFinding::segment).thenComparing(Report.SegmentFinding::feature));
        return out;
    }

    private static Report.Multivariate multivariate(JsonNode latest, String part) {
        JsonNode m = latest == null ? null : latest.get(part);
        if (m == null || !m.isObject()) {
            return null; // drift results of this model do not carry it (older drift service)
        }
        List<String> contributors = new ArrayList<>();
        for (JsonNode c : m.path("contributors")) {
            contributors.add(c.isTextual() ? c.asText() : c.path("feature").asText(c.toString()));
        }
        return new Report.Multivariate(Stats.text(m, "method"), Stats.text(latest, "batchId"), Stats.number(m, "value"),
                Stats.number(m, "lower"), Stats.number(m, "upper"), m.path("drifted").asBoolean(false), contributors);
    }

    private static String explanation(JsonNode drift, String feature) {
        if (drift == null) {
            return null;
        }
        for (JsonNode f : drift.path("features")) {
            if (feature.equals(f.path("feature").asText(null))) {
                return Stats.text(f, "explanation");
            }
        }
        return null;
    }

    /** The subjects (features, columns) of a section that stored this field, in the order they were first stored. */
    static List<String> subjects(VectorTable t, Section section, String field) {
        Set<String> out = new LinkedHashSet<>();
        for (String path : t.paths()) {
            MetricPath p = parse(path);
            if (p != null && p.section() == section && field.equals(p.field())) {
                out.add(p.subject());
            }
        }
        return new ArrayList<>(out);
    }

    static MetricPath parse(String path) {
        try {
            return MetricPath.parse(path);
        } catch (InvalidPathException e) {
            return null; // a path of an older vocabulary: not reported
        }
    }
}
