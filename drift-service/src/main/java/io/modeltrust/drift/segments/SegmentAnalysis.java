package io.modeltrust.drift.segments;

import io.modeltrust.drift.profile.ColumnProfile;
import io.modeltrust.drift.profile.ColumnRows;
import io.modeltrust.drift.stats.ColumnInput;
import io.modeltrust.drift.stats.DriftAnalyzer;
import io.modeltrust.drift.stats.DriftConfig;
import io.modeltrust.drift.stats.DriftReport;
import io.modeltrust.drift.stats.DriftReport.ColumnDrift;
import io.modeltrust.drift.stats.FeatureComparator;
import io.modeltrust.drift.stats.FeatureComparison;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each reference segment's features against the batch rows of the same segment (docs/metrics.md
 * "Segments"). One Benjamini–Hochberg family covers every feature of every compared segment, so ten
 * segments of twenty features do not give two hundred chances of a false alarm at alpha each.
 */
public final class SegmentAnalysis {

    /** The compared segments, in profile order, and how many had too few rows in the batch. */
    public record Outcome(List<Segment> segments, int skipped) {
    }

    /** One compared segment: its profile, the batch's rows in it, and the decision of each feature. */
    public record Segment(SegmentProfile profile, int rows, List<ColumnDrift> features, int driftedCount,
                          double driftShare) {
    }

    private SegmentAnalysis() {
    }

    public static Outcome analyze(AssembledBatch batch, List<SegmentProfile> profiles, DriftConfig config,
                                  int minRows) {
        if (profiles.isEmpty()) {
            return new Outcome(List.of(), 0);
        }
        Map<String, SegmentRows> rowsByColumn = new HashMap<>();
        List<SegmentProfile> compared = new ArrayList<>();
        List<Integer> rowCounts = new ArrayList<>();
        // Compared segment by segment, so only one segment's row copies are alive at a time.
        List<List<FeatureComparison>> perSegment = new ArrayList<>();
        int skipped = 0;
        for (SegmentProfile p : profiles) {
            if (!(batch.column(p.column()).orElse(null) instanceof CategoricalColumn segment)) {
                skipped++;
                continue;
            }
            SegmentRows rows = rowsByColumn.computeIfAbsent(p.column(),
                    c -> SegmentRows.of(segment.codes(), segment.dictionary().length));
            int[] r = rows.rows(SegmentRows.codeOf(segment.dictionary(), p.value()));
            if (r.length < minRows) {
                skipped++;
                continue;
            }
            compared.add(p);
            rowCounts.add(r.length);
            perSegment.add(FeatureComparator.compareAll(inputs(batch, p, r), config));
        }
        List<FeatureComparison> comparisons = perSegment.stream().flatMap(List::stream).toList();
        DriftReport family = new DriftAnalyzer(config).analyze(comparisons);
        List<Segment> out = new ArrayList<>(compared.size());
        int next = 0;
        for (int s = 0; s < compared.size(); s++) {
            int size = perSegment.get(s).size();
            List<ColumnDrift> features = family.features().subList(next, next + size);
            next += size;
            int drifted = (int) features.stream().filter(ColumnDrift::drifted).count();
            out.add(new Segment(compared.get(s), rowCounts.get(s), List.copyOf(features), drifted,
                    size == 0 ? 0.0 : (double) drifted / size));
        }
        return new Outcome(out, skipped);
    }

    /**
     * The segment's rows of every profiled feature the batch still has with the same type, in the batch's
     * column order (as the whole batch's features are listed, whatever order the profiles were stored in).
     */
    private static List<ColumnInput> inputs(AssembledBatch batch, SegmentProfile p, int[] rows) {
        List<ColumnInput> out = new ArrayList<>(p.features().size());
        for (ColumnSpec spec : batch.columnsWithRole(ColumnRole.FEATURE)) {
            ColumnProfile f = p.features().get(spec.name());
            if (f == null) {
                continue;
            }
            Column column = batch.column(f.column()).orElse(null);
            ColumnInput input = column == null ? null : f.input(ColumnRows.subset(column, rows));
            if (input != null) {
                out.add(input);
            }
        }
        return out;
    }
}
