package io.modeltrust.drift.segments;

import io.modeltrust.drift.profile.ColumnProfile;
import io.modeltrust.drift.profile.ColumnRows;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Profiles the reference's segments: for each segment column, its largest values (at most
 * {@code maxSegments}, each with at least {@code minRows} rows, ties by value), and on each one's rows
 * every feature as the whole reference is profiled.
 */
public final class SegmentProfiler {

    private SegmentProfiler() {
    }

    public static List<SegmentProfile> profile(AssembledBatch reference, List<String> segmentColumns, int minRows,
                                               int maxSegments) {
        List<SegmentProfile> out = new ArrayList<>();
        List<ColumnSpec> features = reference.columnsWithRole(ColumnRole.FEATURE);
        for (String name : segmentColumns) {
            if (!(reference.column(name).orElse(null) instanceof CategoricalColumn segment)) {
                continue; // the validator admits categorical columns only; an older spec may name another
            }
            SegmentRows rows = SegmentRows.of(segment.codes(), segment.dictionary().length);
            for (int code : largest(rows, segment.dictionary(), minRows, maxSegments)) {
                int[] r = rows.rows(code);
                Map<String, ColumnProfile> byFeature = new LinkedHashMap<>();
                features.parallelStream()
                        .filter(f -> !f.name().equals(name))
                        .map(f -> ColumnProfile.of(f.name(), f.role(),
                                ColumnRows.subset(reference.column(f.name()).orElseThrow(), r)))
                        .toList()
                        .forEach(p -> byFeature.put(p.column(), p));
                out.add(new SegmentProfile(name, segment.dictionary()[code], r.length, byFeature));
            }
        }
        return out;
    }

    static int[] largest(SegmentRows rows, String[] dictionary, int minRows, int maxSegments) {
        return IntStream.range(0, dictionary.length)
                .filter(k -> rows.size(k) >= minRows)
                .boxed()
                .sorted(Comparator.<Integer>comparingInt(k -> -rows.size(k)).thenComparing(k -> dictionary[k]))
                .limit(maxSegments)
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
