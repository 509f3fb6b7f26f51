package io.modeltrust.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Per-model override of the drift decision rule of docs/metrics.md. Null fields fall back to the
 * defaults (ks, chi2, alpha 0.05, psi 0.1, dataset drift share 0.5, segments of at least 200 rows, the 10
 * largest segments per segment column). The tests name the one whose
 * p-value decides numeric ({@link #NUMERIC_TESTS}) and categorical ({@link #CATEGORICAL_TESTS})
 * columns. {@code domainClassifier} true adds the domain-classifier check of the features (docs/metrics.md
 * "Multivariate drift by a domain classifier"); default false, as it trains classifiers on every batch.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DriftSettings(
        String numericTest,
        String categoricalTest,
        Double alpha,
        Double psiThreshold,
        Double datasetDriftShare,
        Integer minSegmentRows,
        Integer maxSegments,
        Boolean domainClassifier) {

    public static final DriftSettings DEFAULTS = new DriftSettings("ks", "chi2", 0.05, 0.1, 0.5, 200, 10, false);

    /** Upper bound of {@code maxSegments}: segments per segment column compared in each batch. */
    public static final int MAX_SEGMENTS_LIMIT = 50;

    /** The settings as they were before segments and the domain classifier existed. */
    public DriftSettings(String numericTest, String categoricalTest, Double alpha, Double psiThreshold,
                         Double datasetDriftShare) {
        this(numericTest, categoricalTest, alpha, psiThreshold, datasetDriftShare, null, null, null);
    }

    /** The settings with segment overrides; the domain classifier stays off. */
    public DriftSettings(String numericTest, String categoricalTest, Double alpha, Double psiThreshold,
                         Double datasetDriftShare, Integer minSegmentRows, Integer maxSegments) {
        this(numericTest, categoricalTest, alpha, psiThreshold, datasetDriftShare, minSegmentRows, maxSegments, null);
    }

    /** The settings with the domain-classifier switch and no segment overrides. */
    public DriftSettings(String numericTest, String categoricalTest, Double alpha, Double psiThreshold,
                         Double datasetDriftShare, Boolean domainClassifier) {
        this(numericTest, categoricalTest, alpha, psiThreshold, datasetDriftShare, null, null, domainClassifier);
    }

    /** The values {@code numericTest} accepts (docs/model-spec.md), the default first. */
    public static final List<String> NUMERIC_TESTS = List.of("ks", "cramer_von_mises", "anderson_darling");

    /** The values {@code categoricalTest} accepts, the default first. */
    public static final List<String> CATEGORICAL_TESTS = List.of("chi2", "g_test");

    /** This object with every null field taken from {@link #DEFAULTS}. */
    public DriftSettings withDefaults() {
        return new DriftSettings(
                numericTest != null ? numericTest : DEFAULTS.numericTest,
                categoricalTest != null ? categoricalTest : DEFAULTS.categoricalTest,
                alpha != null ? alpha : DEFAULTS.alpha,
                psiThreshold != null ? psiThreshold : DEFAULTS.psiThreshold,
                datasetDriftShare != null ? datasetDriftShare : DEFAULTS.datasetDriftShare,
                minSegmentRows != null ? minSegmentRows : DEFAULTS.minSegmentRows,
                maxSegments != null ? maxSegments : DEFAULTS.maxSegments,
                domainClassifier != null ? domainClassifier : DEFAULTS.domainClassifier);
    }

    /** Whether the spec asks for the domain-classifier check (null counts as the default, off). */
    public boolean domainClassifierOn() {
        return Boolean.TRUE.equals(domainClassifier);
    }
}
