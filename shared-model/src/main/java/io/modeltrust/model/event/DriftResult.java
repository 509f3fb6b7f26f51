package io.modeltrust.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The drift service's result for one production batch (docs/api.md "drift"). {@code prediction}
 * and {@code label} are outside the Benjamini–Hochberg set; {@code label} is null without labels.
 * {@code multivariate} is null (absent on the wire) when the reference has fewer than two features or
 * was profiled before multivariate drift existed; readers of older results see it absent.
 * {@code segments} and {@code segmentsSkipped} are absent for a model without {@code segments}; the
 * skipped count is of the reference's segments that had fewer than {@code drift.minSegmentRows} rows in
 * the batch. {@code domainClassifier} is the second multivariate check, of the same shape with method
 * {@link #DOMAIN_CLASSIFIER}; present only when the model spec asks for it ({@code drift.domainClassifier})
 * and the reference kept a sample for it.
 * {@code referenceMode} says what the top level was compared with ({@code fixed} or {@code previous})
 * or {@code both} when {@code previous} holds the comparison with the previous batches beside the
 * fixed one (docs/api.md "drift"); both are absent in results written before the moving reference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DriftResult(
        String kind,
        int schemaVersion,
        String eventId,
        String modelId,
        String batchId,
        int referenceVersion,
        int revision,
        Instant computedAt,
        Instant at,
        long rows,
        List<FeatureDrift> features,
        FeatureDrift prediction,
        FeatureDrift label,
        double driftShare,
        boolean datasetDrift,
        int driftedFeatures,
        List<ColumnQuality> dataQuality,
        DriftRule rule,
        String explanation,
        Multivariate multivariate,
        List<SegmentDrift> segments,
        Integer segmentsSkipped,
        Multivariate domainClassifier,
        String referenceMode,
        Previous previous) {

    /** What {@code referenceMode} says the top level was compared with. */
    public static final String REFERENCE_FIXED = "fixed";
    public static final String REFERENCE_PREVIOUS = "previous";
    /** The top level against the fixed reference and {@code previous} against the previous batches. */
    public static final String REFERENCE_BOTH = "both";

    /** A result without segments. */
    public DriftResult(String kind, int schemaVersion, String eventId, String modelId, String batchId,
                       int referenceVersion, int revision, Instant computedAt, Instant at, long rows,
                       List<FeatureDrift> features, FeatureDrift prediction, FeatureDrift label, double driftShare,
                       boolean datasetDrift, int driftedFeatures, List<ColumnQuality> dataQuality, DriftRule rule,
                       String explanation, Multivariate multivariate) {
        this(kind, schemaVersion, eventId, modelId, batchId, referenceVersion, revision, computedAt, at, rows, features,
                prediction, label, driftShare, datasetDrift, driftedFeatures, dataQuality, rule, explanation,
                multivariate, null, null, null, null, null);
    }

    /**
     * The previous production batches of the model that were pooled, and (referenceMode both) the batch
     * against them: {@code batches} and {@code rows} count the pooled batches and their rows, {@code from}
     * and {@code to} are the times ({@code at}) of the oldest and newest. With referenceMode previous the top
     * level is that comparison, so only the four pool fields are set here; with both, every field is, in
     * the shape of the top level.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Previous(int batches, long rows, Instant from, Instant to, List<FeatureDrift> features,
                           FeatureDrift prediction, FeatureDrift label, Double driftShare, Boolean datasetDrift,
                           Integer driftedFeatures, String explanation) {

        /** The pool alone, for a result whose top level is the comparison with it. */
        public static Previous pool(int batches, long rows, Instant from, Instant to) {
            return new Previous(batches, rows, from, to, null, null, null, null, null, null, null);
        }
    }

    /** The method of {@link Multivariate}: NannyML's data reconstruction drift. */
    public static final String PCA_RECONSTRUCTION = "pca_reconstruction";

    /** The method of {@link #domainClassifier}: a classifier's cross-validated AUC of reference against batch. */
    public static final String DOMAIN_CLASSIFIER = "domain_classifier";

    /**
     * Multivariate drift of the batch's features (docs/metrics.md "Multivariate drift by PCA
     * reconstruction"): {@code value} is the batch's mean reconstruction error, {@code drifted} when
     * it lies outside [{@code lower}, {@code upper}], the band from the reference's chunks;
     * {@code contributors} are the features whose reconstruction error grew most, largest first.
     * For {@link #DOMAIN_CLASSIFIER} (docs/metrics.md "Multivariate drift by a domain classifier") {@code value}
     * is the cross-validated ROC AUC of a classifier telling the batch from the reference, [{@code lower},
     * {@code upper}] the band of the same procedure on reference-against-reference splits, {@code drifted} when
     * {@code value} > {@code upper}, and {@code contributors} the features the classifier leant on most.
     */
    public record Multivariate(String method, double value, double lower, double upper, boolean drifted,
                               List<String> contributors) {
    }

    /**
     * The features of one segment (docs/metrics.md "Segments"): the batch's rows whose {@code column} is
     * {@code value}, compared with the reference rows of the same value. {@code segment} is
     * "column=value"; the features' adjusted p-values come from one Benjamini–Hochberg family over every
     * segment's features of the batch.
     */
    public record SegmentDrift(String segment, String column, String value, long rows, long referenceRows,
                               double driftShare, int driftedFeatures, List<FeatureDrift> features) {
    }

    /** The decision rule in force for this result. */
    public record DriftRule(String numericTest, String categoricalTest, double alpha, double psiThreshold,
                            double datasetDriftShare, String correction) {
    }

    /**
     * One column's drift statistics; {@code wasserstein} is null for categorical columns.
     * {@code test} names the model's test for the column type ({@code ks}, {@code cramer_von_mises},
     * {@code anderson_darling}, {@code chi2} or {@code g_test}); {@code statistic} and
     * {@code pValue} are that test's. {@code hellinger} is over the PSI bins (null in results
     * written before it existed).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeatureDrift(
            String feature,
            String type,
            String test,
            Double statistic,
            Double pValue,
            Double adjustedPValue,
            Double psi,
            Double jensenShannon,
            Double wasserstein,
            boolean drifted,
            String explanation,
            DriftDetails details,
            Double hellinger) {
    }

    /** Why a column drifted: the bins that moved most and, for numbers, where the distribution sits. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DriftDetails(List<BinShift> topBins, Summary reference, Summary production) {
    }

    public record BinShift(String bin, double referenceShare, double productionShare, double psiTerm) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(Double mean, Double p10, Double p50, Double p90) {
    }

    /**
     * Data quality of one column, production against reference. {@code unseenCategories} (categorical
     * only) names the categories of {@code unseenCategoryShare}, most frequent first and at most
     * {@link #UNSEEN_CATEGORIES_LISTED}: for a prediction column, the classes predicted now that the
     * reference never predicted.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColumnQuality(
            String column,
            String role,
            String type,
            double referenceMissingShare,
            double missingShare,
            double missingShareChange,
            Double outOfRangeShare,
            Double unseenCategoryShare,
            List<String> unseenCategories) {

        /**
         * A production category is a raw value of a client's data: a result names at most this many per
         * column, the most frequent ones (docs/security.md, what is stored).
         */
        public static final int UNSEEN_CATEGORIES_LISTED = 3;

        public ColumnQuality(String column, String role, String type, double referenceMissingShare,
                             double missingShare, double missingShareChange, Double outOfRangeShare,
                             Double unseenCategoryShare) {
            this(column, role, type, referenceMissingShare, missingShare, missingShareChange, outOfRangeShare,
                    unseenCategoryShare, null);
        }
    }
}
