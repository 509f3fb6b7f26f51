package io.modeltrust.drift;

import io.modeltrust.drift.multivariate.FeatureEncoding;
import io.modeltrust.drift.multivariate.MultivariateColumn;
import io.modeltrust.drift.multivariate.MultivariateDrift;
import io.modeltrust.drift.multivariate.ReconstructionModel;
import io.modeltrust.drift.profile.ColumnProfile;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.segments.SegmentAnalysis;
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
import io.modeltrust.model.event.DriftResult;
import io.modeltrust.model.event.DriftResult.BinShift;
import io.modeltrust.model.event.DriftResult.ColumnQuality;
import io.modeltrust.model.event.DriftResult.DriftDetails;
import io.modeltrust.model.event.DriftResult.FeatureDrift;
import io.modeltrust.model.event.DriftResult.Summary;
import io.modeltrust.model.event.ResultKind;
import io.modeltrust.model.spec.DriftSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares one production batch with its reference profiles and turns the statistics into the
 * drift result event. Plain Java: the statistics live in {@code stats}, this only selects columns
 * and maps.
 */
public final class DriftComputation {

    private DriftComputation() {
    }

    public static DriftResult compute(AssembledBatch batch, ReferenceProfiles reference, String eventId,
                                      Instant computedAt) {
        List<ColumnInput> inputs = new ArrayList<>();
        List<ColumnSpec> compared = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        for (ColumnSpec spec : batch.header().columns()) {
            ColumnProfile profile = reference.columns().get(spec.name());
            if (profile == null) {
                // a column the model gained after this reference: nothing to compare it with yet
                if (ReferenceProfiles.PROFILED.contains(spec.role())) {
                    notCompared.add(spec.name() + " (not in the reference)");
                }
                continue;
            }
            Column column = batch.column(spec.name()).orElseThrow();
            if (spec.role() == ColumnRole.LABEL && !hasValues(column)) {
                continue;
            }
            ColumnInput input = input(spec.name(), profile, column);
            if (input != null) {
                inputs.add(input);
                compared.add(spec);
            } else {
                notCompared.add(spec.name() + " (" + (profile.isNumeric() ? "numeric" : "categorical")
                        + " in the reference)");
            }
        }
        DriftSettings settings = batch.header().model().driftOrDefaults();
        DriftConfig config = new DriftConfig(settings.numericTest(), settings.categoricalTest(), settings.alpha(),
                settings.psiThreshold(), settings.datasetDriftShare());
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
        List<FeatureDrift> featureDrift = report.features().stream().map(DriftComputation::toEvent).toList();
        DriftResult.Multivariate multivariate = multivariate(batch, reference.multivariate());
        DriftResult.Multivariate domain = DomainCheck.of(batch, reference);
        List<String> segmentColumns = batch.header().model().segmentsOrEmpty();
        SegmentAnalysis.Outcome segments = SegmentAnalysis.analyze(batch,
                SegmentResults.inSpecOrder(reference.segments(), segmentColumns), config, settings.minSegmentRows());
        return new DriftResult(ResultKind.DRIFT, 1, eventId, batch.modelId(), batch.batchId(),
                batch.header().referenceVersion(), 1, computedAt, batch.header().at(), batch.rows(),
                featureDrift, toEvent(report.prediction()), toEvent(report.label()), report.driftShare(),
                report.datasetDrift(), report.driftedCount(), quality,
                new DriftResult.DriftRule(config.numericTest(), config.categoricalTest(), config.alpha(),
                        config.psiThreshold(), config.datasetDriftShare(), "benjamini-hochberg"),
                summary(featureDrift, report, notCompared, batch.header().referenceVersion())
                        + multivariateSentence(multivariate) + DomainCheck.sentence(batch, reference, domain)
                        + SegmentResults.sentence(segments, segmentColumns, reference.segments()),
                multivariate, segmentColumns.isEmpty() ? null : SegmentResults.toEvents(segments),
                segmentColumns.isEmpty() ? null : segments.skipped(), domain);
    }

    /**
     * The batch against the reference's reconstruction model; null without a model, for an empty
     * batch, or when a feature of the model is missing from the batch or changed type (the
     * reconstruction needs every feature it was fitted on), and when an infinite value made the error infinite.
     */
    static DriftResult.Multivariate multivariate(AssembledBatch batch, ReconstructionModel model) {
        if (model == null || batch.rows() == 0) {
            return null;
        }
        List<MultivariateColumn> columns = featureColumns(batch, model);
        if (columns == null) {
            return null;
        }
        MultivariateDrift d = model.compare(columns);
        return d == null || !Double.isFinite(d.value()) ? null : new DriftResult.Multivariate(DriftResult.PCA_RECONSTRUCTION, d.value(), d.lower(),
                d.upper(), d.drifted(), d.contributors());
    }

    /** The batch's columns of the model's features, in its order; null when one is missing or changed type. */
    static List<MultivariateColumn> featureColumns(AssembledBatch batch, ReconstructionModel model) {
        List<MultivariateColumn> columns = new ArrayList<>();
        for (FeatureEncoding f : model.features()) {
            Column column = batch.column(f.name()).orElse(null);
            if (column == null || f.numeric() != column instanceof NumericColumn) {
                return null;
            }
            columns.add(column instanceof NumericColumn n ? new MultivariateColumn.Numeric(f.name(), n.values())
                    : new MultivariateColumn.Categorical(f.name(), ((CategoricalColumn) column).dictionary(),
                            ((CategoricalColumn) column).codes()));
        }
        return columns;
    }

    static String multivariateSentence(DriftResult.Multivariate m) {
        if (m == null || !m.drifted()) {
            return "";
        }
        String where = m.value() > m.upper() ? "above" : "below";
        String text = String.format(Locale.ROOT, " Multivariate drift: the PCA reconstruction error %.4g is %s the "
                + "reference band [%.4g, %.4g]", m.value(), where, m.lower(), m.upper());
        return text + (m.contributors().isEmpty() ? "." : ", most from " + String.join(", ", m.contributors()) + ".");
    }

    private static ColumnInput input(String name, ColumnProfile profile, Column column) {
        if (profile.isNumeric() && column instanceof NumericColumn n) {
            return new ColumnInput.Numeric(name, profile.numeric(), n.values());
        }
        if (!profile.isNumeric() && column instanceof CategoricalColumn c) {
            return new ColumnInput.Categorical(name, profile.categorical(), c.dictionary(), c.codes());
        }
        return null;
    }

    private static boolean hasValues(Column column) {
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

    /** The counts and drifted features, the prediction's shift, and the columns left out until the next reference. */
    private static String summary(List<FeatureDrift> features, DriftReport report, List<String> notCompared,
                                  int referenceVersion) {
        List<String> drifted = features.stream().filter(FeatureDrift::drifted).map(FeatureDrift::feature).toList();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d of %d features drifted (%.0f%%)", report.driftedCount(),
                features.size(), report.driftShare() * 100));
        if (!drifted.isEmpty()) {
            text.append(": ").append(String.join(", ", drifted));
        }
        text.append(report.datasetDrift() ? "; dataset drift." : ".");
        if (report.prediction() != null && report.prediction().drifted()) {
            text.append(" The prediction distribution shifted too.");
        }
        if (!notCompared.isEmpty()) {
            text.append(" Not compared until the next reference (reference v").append(referenceVersion).append("): ")
                    .append(String.join(", ", notCompared)).append('.');
        }
        return text.toString();
    }

    private static Double finite(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }
}
