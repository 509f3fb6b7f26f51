package io.modeltrust.drift;

import io.modeltrust.drift.profile.ColumnProfile;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.stats.ColumnInput;
import io.modeltrust.drift.stats.DriftAnalyzer;
import io.modeltrust.drift.stats.DriftConfig;
import io.modeltrust.drift.stats.DriftReport;
import io.modeltrust.drift.stats.FeatureComparator;
import io.modeltrust.drift.stats.FeatureComparison;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.event.DriftResult.BinShift;
import io.modeltrust.model.event.DriftResult.ColumnQuality;
import io.modeltrust.model.event.DriftResult.DriftDetails;
import io.modeltrust.model.event.DriftResult.FeatureDrift;
import io.modeltrust.model.event.DriftResult.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One batch against one set of column profiles (the fixed reference or the pooled previous batches):
 * the per-column statistics, the Benjamini–Hochberg decision, data quality, and the columns that
 * could not be compared. Plain Java.
 */
record ColumnComparison(List<FeatureDrift> features, FeatureDrift prediction, FeatureDrift label, DriftReport report,
                        List<ColumnQuality> quality, List<String> notCompared) {

    /** @param source what {@code profiles} are, for the explanation: "the reference", "the previous batches" */
    static ColumnComparison of(AssembledBatch batch, Map<String, ColumnProfile> profiles, DriftConfig config,
                               String source) {
        List<ColumnInput> inputs = new ArrayList<>();
        List<ColumnSpec> compared = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        for (ColumnSpec spec : batch.header().columns()) {
            ColumnProfile profile = profiles.get(spec.name());
            if (profile == null) {
                // a column the model gained after these profiles: nothing to compare it with yet
                if (ReferenceProfiles.PROFILED.contains(spec.role())
                        && !(spec.role() == ColumnRole.LABEL && !hasValues(batch.column(spec.name()).orElseThrow()))) {
                    notCompared.add(spec.name() + " (not in " + source + ")");
                }
                continue;
            }
            Column column = batch.column(spec.name()).orElseThrow();
            if (spec.role() == ColumnRole.LABEL && !hasValues(column)) {
                continue;
            }
            ColumnInput input = profile.input(column);
            if (input != null) {
                inputs.add(input);
                compared.add(spec);
            } else {
                notCompared.add(spec.name() + " (" + (profile.isNumeric() ? "numeric" : "categorical")
                        + " in " + source + ")");
            }
        }
        List<FeatureComparison> comparisons = FeatureComparator.compareAll(inputs, config);
        List<FeatureComparison> features = new ArrayList<>();
        FeatureComparison prediction = null;
        FeatureComparison label = null;
        List<ColumnQuality> quality = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            FeatureComparison c = comparisons.get(i);
            ColumnRole role = compared.get(i).role();
            switch (role) {
                case FEATURE -> features.add(c);
                case PREDICTION -> prediction = c;
                case LABEL -> label = c;
                default -> { }
            }
            quality.add(quality(c, role));
        }
        DriftReport report = new DriftAnalyzer(config).analyze(features, prediction, label);
        List<FeatureDrift> featureDrift = report.features().stream().map(ColumnComparison::toEvent).toList();
        return new ColumnComparison(featureDrift, toEvent(report.prediction()), toEvent(report.label()), report,
                quality, notCompared);
    }

    static boolean hasValues(Column column) {
        if (column instanceof NumericColumn n) {
            for (double v : n.values()) {
                if (!Double.isNaN(v)) {
                    return true;
                }
            }
            return false;
        }
        for (int code : ((CategoricalColumn) column).codes()) {
            if (code >= 0) {
                return true;
            }
        }
        return false;
    }

    static FeatureDrift toEvent(DriftReport.ColumnDrift d) {
        if (d == null) {
            return null;
        }
        FeatureComparison c = d.comparison();
        FeatureComparison.Explanation e = c.explanation();
        DriftDetails details = null;
        String sentence = null;
        if (e != null) {
            List<BinShift> bins = e.topBins() == null ? List.of() : e.topBins().stream()
                    .map(b -> new BinShift(b.label(), b.referenceShare(), b.productionShare(), b.psiTerm())).toList();
            details = new DriftDetails(bins, summary(e.reference()), summary(e.production()));
            sentence = e.sentence();
        }
        return new FeatureDrift(c.feature(), c.type(), c.test(), finite(c.statistic()), finite(c.pValue()),
                finite(d.decisionPValue()), finite(c.psi()), finite(c.jensenShannon()), finite(c.wasserstein()),
                d.drifted(), sentence, details, finite(c.hellinger()));
    }

    private static Summary summary(FeatureComparison.Summary s) {
        return s == null ? null : new Summary(finite(s.mean()), finite(s.p10()), finite(s.p50()), finite(s.p90()));
    }

    private static ColumnQuality quality(FeatureComparison c, ColumnRole role) {
        FeatureComparison.DataQuality q = c.dataQuality();
        double reference = q.referenceMissingShare() == null ? 0 : q.referenceMissingShare();
        double production = q.productionMissingShare() == null ? 0 : q.productionMissingShare();
        List<String> unseen = q.unseenCategories() == null ? null : q.unseenCategories().subList(0,
                Math.min(ColumnQuality.UNSEEN_CATEGORIES_LISTED, q.unseenCategories().size()));
        return new ColumnQuality(c.feature(), role.wire(), c.type(), reference, production, production - reference,
                finite(q.outOfRangeShare()), finite(q.unseenCategoryShare()), unseen);
    }

    private static Double finite(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }
}
