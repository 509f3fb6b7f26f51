package io.modeltrust.drift;

import io.modeltrust.drift.segments.SegmentAnalysis;
import io.modeltrust.drift.segments.SegmentProfile;
import io.modeltrust.model.event.DriftResult.FeatureDrift;
import io.modeltrust.model.event.DriftResult.SegmentDrift;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Maps the segment comparisons of a batch onto the result: {@code segments[]} and the sentence about them. */
final class SegmentResults {

    /** How many drifted (feature, segment) pairs the result's explanation names before "and n more". */
    static final int NAMED_IN_SENTENCE = 5;

    private SegmentResults() {
    }

    /**
     * The reference's segments of the columns the spec asks for now, in the spec's order: a column
     * dropped from the spec is no longer compared, one added waits for the next reference.
     */
    static List<SegmentProfile> inSpecOrder(List<SegmentProfile> profiled, List<String> columns) {
        return profiled.stream().filter(p -> columns.contains(p.column()))
                .sorted(Comparator.comparingInt(p -> columns.indexOf(p.column()))).toList();
    }

    static List<SegmentDrift> toEvents(SegmentAnalysis.Outcome outcome) {
        List<SegmentDrift> out = new ArrayList<>(outcome.segments().size());
        for (SegmentAnalysis.Segment s : outcome.segments()) {
            String where = where(s);
            List<FeatureDrift> features = s.features().stream().map(ColumnComparison::toEvent)
                    .map(f -> f.explanation() == null ? f : withExplanation(f, "In " + where + ": " + f.explanation()))
                    .toList();
            out.add(new SegmentDrift(s.profile().label(), s.profile().column(), s.profile().value(), s.rows(),
                    s.profile().rows(), s.driftShare(), s.driftedCount(), features));
        }
        return out;
    }

    /** " Drift in segments: income in region=east (1,234 rows), ...", or a note when nothing could be compared. */
    static String sentence(SegmentAnalysis.Outcome outcome, List<String> columns, List<SegmentProfile> profiled) {
        if (columns.isEmpty()) {
            return "";
        }
        if (profiled.stream().noneMatch(p -> columns.contains(p.column()))) {
            return " No segment of " + String.join(", ", columns) + " is compared: the reference has none with "
                    + "enough rows, or was uploaded before segments were configured.";
        }
        List<String> drifted = new ArrayList<>();
        for (SegmentAnalysis.Segment s : outcome.segments()) {
            s.features().stream().filter(f -> f.drifted())
                    .forEach(f -> drifted.add(f.comparison().feature() + " in " + where(s)));
        }
        StringBuilder text = new StringBuilder();
        if (!drifted.isEmpty()) {
            text.append(" Drift in segments: ")
                    .append(String.join(", ", drifted.subList(0, Math.min(NAMED_IN_SENTENCE, drifted.size()))));
            if (drifted.size() > NAMED_IN_SENTENCE) {
                text.append(" and ").append(drifted.size() - NAMED_IN_SENTENCE).append(" more");
            }
            text.append('.');
        }
        if (outcome.skipped() > 0) {
            text.append(' ').append(outcome.skipped()).append(outcome.skipped() == 1 ? " segment" : " segments")
                    .append(" skipped: too few rows in this batch.");
        }
        return text.toString();
    }

    private static String where(SegmentAnalysis.Segment s) {
        return String.format(Locale.ROOT, "%s (%,d rows)", s.profile().label(), s.rows());
    }

    private static FeatureDrift withExplanation(FeatureDrift f, String explanation) {
        return new FeatureDrift(f.feature(), f.type(), f.test(), f.statistic(), f.pValue(), f.adjustedPValue(), f.psi(),
                f.jensenShannon(), f.wasserstein(), f.drifted(), explanation, f.details(), f.hellinger());
    }
}
