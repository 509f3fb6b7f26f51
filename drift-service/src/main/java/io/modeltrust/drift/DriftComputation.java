package io.modeltrust.drift;

import io.modeltrust.drift.multivariate.FeatureEncoding;
import io.modeltrust.drift.multivariate.MultivariateColumn;
import io.modeltrust.drift.multivariate.MultivariateDrift;
import io.modeltrust.drift.multivariate.ReconstructionModel;
import io.modeltrust.drift.profile.ReferenceProfiles;
import io.modeltrust.drift.segments.SegmentAnalysis;
import io.modeltrust.drift.stats.DriftConfig;
import io.modeltrust.drift.stats.DriftReport;
import io.modeltrust.drift.window.PooledWindow;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.event.DriftResult;
import io.modeltrust.model.event.DriftResult.FeatureDrift;
import io.modeltrust.model.event.ResultKind;
import io.modeltrust.model.spec.DriftSettings;
import io.modeltrust.model.spec.DriftSettings.ReferenceWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares one production batch with its reference profiles, the previous batches pooled, or both,
 * and turns the statistics into the drift result event. Plain Java: the statistics live in
 * {@code stats}, the per-column mapping in {@link ColumnComparison}; this chooses what is compared.
 */
public final class DriftComputation {

    private static final String PREVIOUS_BATCHES = "the previous batches";

    private DriftComputation() {
    }

    /** The batch against its fixed reference alone, as for drift.reference mode fixed. */
    public static DriftResult compute(AssembledBatch batch, ReferenceProfiles reference, String eventId,
                                      Instant computedAt) {
        return compute(batch, reference, null, eventId, computedAt);
    }

    /**
     * The batch against its fixed reference, the previous batches pooled in {@code window}, or both, as
     * the model's drift.reference asks (docs/metrics.md "Moving reference"). With mode previous and no
     * previous batch yet the top level is the comparison with the fixed reference, and referenceMode and
     * the explanation say so; with both, previous is absent then.
     *
     * @param window null or empty when no previous batch is kept
     */
    public static DriftResult compute(AssembledBatch batch, ReferenceProfiles reference, PooledWindow window,
                                      String eventId, Instant computedAt) {
        DriftSettings settings = batch.header().model().driftOrDefaults();
        DriftConfig config = new DriftConfig(settings.numericTest(), settings.categoricalTest(), settings.alpha(),
                settings.psiThreshold(), settings.datasetDriftShare());
        ReferenceWindow asked = settings.reference();
        boolean pooled = asked.usesWindow() && window != null && !window.isEmpty();
        boolean topIsWindow = pooled && ReferenceWindow.MODE_PREVIOUS.equals(asked.mode());
        int version = batch.header().referenceVersion();
        ColumnComparison top = topIsWindow
                ? ColumnComparison.of(batch, window.columns(), config, PREVIOUS_BATCHES)
                : ColumnComparison.of(batch, reference.columns(), config, "the reference");
        String explanation = summary(top, topIsWindow ? "Not compared until a previous batch has them"
                : "Not compared until the next reference (reference v" + version + ")");
        String mode;
        DriftResult.Previous previous = null;
        if (topIsWindow) {
            mode = DriftResult.REFERENCE_PREVIOUS;
            explanation = "Against " + pool(window, asked) + ": " + explanation;
            previous = DriftResult.Previous.pool(window.batches(), window.rows(), window.from(), window.to());
        } else if (pooled) {
            mode = DriftResult.REFERENCE_BOTH;
            previous = previous(batch, window, config);
            explanation = explanation + " Against " + pool(window, asked) + ": " + previous.explanation();
        } else {
            mode = DriftResult.REFERENCE_FIXED;
            if (asked.usesWindow()) {
                explanation = (ReferenceWindow.MODE_PREVIOUS.equals(asked.mode())
                        ? "No previous production batch yet: compared with the fixed reference v" + version + ". "
                        : "No previous production batch yet, so no comparison with previous batches. ") + explanation;
            }
        }
        DriftResult.Multivariate multivariate = multivariate(batch, reference.multivariate());
        DriftResult.Multivariate domain = DomainCheck.of(batch, reference);
        // Segments are compared with the fixed reference's segments, whatever the top level is compared with.
        List<String> segmentColumns = batch.header().model().segmentsOrEmpty();
        SegmentAnalysis.Outcome segments = SegmentAnalysis.analyze(batch,
                SegmentResults.inSpecOrder(reference.segments(), segmentColumns), config, settings.minSegmentRows());
        DriftReport report = top.report();
        return new DriftResult(ResultKind.DRIFT, 1, eventId, batch.modelId(), batch.batchId(), version, 1, computedAt,
                batch.header().at(), batch.rows(), top.features(), top.prediction(), top.label(), report.driftShare(),
                report.datasetDrift(), report.driftedCount(), top.quality(),
                new DriftResult.DriftRule(config.numericTest(), config.categoricalTest(), config.alpha(),
                        config.psiThreshold(), config.datasetDriftShare(), "benjamini-hochberg"),
                explanation + multivariateSentence(multivariate) + DomainCheck.sentence(batch, reference, domain)
                        + SegmentResults.sentence(segments, segmentColumns, reference.segments()),
                multivariate, segmentColumns.isEmpty() ? null : SegmentResults.toEvents(segments),
                segmentColumns.isEmpty() ? null : segments.skipped(), domain, mode, previous);
    }

    private static DriftResult.Previous previous(AssembledBatch batch, PooledWindow window, DriftConfig config) {
        ColumnComparison c = ColumnComparison.of(batch, window.columns(), config, PREVIOUS_BATCHES);
        DriftReport r = c.report();
        return new DriftResult.Previous(window.batches(), window.rows(), window.from(), window.to(), c.features(),
                c.prediction(), c.label(), r.driftShare(), r.datasetDrift(), r.driftedCount(),
                summary(c, "Not compared until a previous batch has them"));
    }

    /** "the previous 3 production batches (12000 rows, 2026-12-01T00:00:00Z to 2026-12-03T00:00:00Z)". */
    private static String pool(PooledWindow window, ReferenceWindow asked) {
        String count = window.batches() == 1 ? "the previous production batch"
                : "the previous " + window.batches() + " production batches";
        String of = asked.batches() != null && window.batches() < asked.batches()
                ? " of the " + asked.batches() + " asked" : "";
        String span = window.batches() == 1 ? String.valueOf(window.to()) : window.from() + " to " + window.to();
        return count + of + " (" + window.rows() + " rows, " + span + ")";
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

    /** The counts and drifted features, the prediction's shift, and the columns left out and until when. */
    private static String summary(ColumnComparison c, String notComparedUntil) {
        DriftReport report = c.report();
        List<String> drifted = c.features().stream().filter(FeatureDrift::drifted).map(FeatureDrift::feature).toList();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d of %d features drifted (%.0f%%)", report.driftedCount(),
                c.features().size(), report.driftShare() * 100));
        if (!drifted.isEmpty()) {
            text.append(": ").append(String.join(", ", drifted));
        }
        text.append(report.datasetDrift() ? "; dataset drift." : ".");
        if (report.prediction() != null && report.prediction().drifted()) {
            text.append(" The prediction distribution shifted too.");
        }
        if (!c.notCompared().isEmpty()) {
            text.append(' ').append(notComparedUntil).append(": ").append(String.join(", ", c.notCompared())).append('.');
        }
        return text.toString();
    }
}
