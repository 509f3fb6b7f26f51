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
 * {@code reference} chooses what production batches are compared with (null = the fixed
 * reference; docs/model-spec.md "drift.reference").
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
        Boolean domainClassifier,
        ReferenceWindow reference) {

    public static final DriftSettings DEFAULTS = new DriftSettings("ks", "chi2", 0.05, 0.1, 0.5, 200, 10, false,
            ReferenceWindow.FIXED);

    /** Upper bound of {@code maxSegments}: segments per segment column compared in each batch. */
    public static final int MAX_SEGMENTS_LIMIT = 50;

    /** The settings as they were before segments and the domain classifier existed. */
    public DriftSettings(String numericTest, String categoricalTest, Double alpha, Double psiThreshold,
                         Double datasetDriftShare) {
        this(numericTest, categoricalTest, alpha, psiThreshold, datasetDriftShare, null, null, null, null);
    }

    /** The settings with segment overrides; the domain classifier stays off. */
    public DriftSettings(String numericTest, String categoricalTest, Double alpha, Double psiThreshold,
                         Double datasetDriftShare, Integer minSegmentRows, Integer maxSegments) {
        this(numericTest, categoricalTest, alpha, psiThreshold, datasetDriftShare, minSegmentRows, maxSegments, null,
                null);
    }

    /** The settings with the domain-classifier switch and no segment overrides. */
    public DriftSettings(String numericTest, String categoricalTest, Double alpha, Double psiThreshold,
                         Double datasetDriftShare, Boolean domainClassifier) {
        this(numericTest, categoricalTest, alpha, psiThreshold, datasetDriftShare, null, null, domainClassifier, null);
    }

    /** The settings with a reference choice only. */
    public DriftSettings(String numericTest, String categoricalTest, Double alpha, Double psiThreshold,
                         Double datasetDriftShare, ReferenceWindow reference) {
        this(numericTest, categoricalTest, alpha, psiThreshold, datasetDriftShare, null, null, null, reference);
    }

    /**
     * What production batches are compared with: {@code fixed}, the model's reference upload (the
     * default); {@code previous}, the previous {@code batches} production batches of the model pooled;
     * {@code both}, the fixed reference at the top level and the previous batches in the result's
     * {@code previous} section. {@code batches} is 1..{@link #MAX_BATCHES}, required for previous and both.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferenceWindow(String mode, Integer batches) {

        public static final String MODE_FIXED = "fixed";
        public static final String MODE_PREVIOUS = "previous";
        public static final String MODE_BOTH = "both";
        /** The values {@code mode} accepts, the default first. */
        public static final List<String> MODES = List.of(MODE_FIXED, MODE_PREVIOUS, MODE_BOTH);
        /** The most batches a window pools (drift-service keeps at most a million rows per column of a pool). */
        public static final int MAX_BATCHES = 50;
        public static final ReferenceWindow FIXED = new ReferenceWindow(MODE_FIXED, null);

        /** How many previous batches are pooled; ingest refuses previous and both without batches. */
        public int batchesOrOne() {
            return batches != null && batches > 0 ? batches : 1;
        }

        /** Whether production batches must be kept for a window (modes previous and both). */
        public boolean usesWindow() {
            return MODE_PREVIOUS.equals(mode) || MODE_BOTH.equals(mode);
        }
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
                domainClassifier != null ? domainClassifier : DEFAULTS.domainClassifier,
                reference != null && reference.mode() != null ? reference : DEFAULTS.reference);
    }

    /** Whether the spec asks for the domain-classifier check (null counts as the default, off). */
    public boolean domainClassifierOn() {
        return Boolean.TRUE.equals(domainClassifier);
    }
}
