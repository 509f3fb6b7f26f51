package io.modeltrust.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Per-model override of the drift decision rule of docs/metrics.md. Null fields fall back to the
 * defaults (ks, chi2, alpha 0.05, psi 0.1, dataset drift share 0.5). The tests name the one whose
 * p-value decides numeric ({@link #NUMERIC_TESTS}) and categorical ({@link #CATEGORICAL_TESTS})
 * columns. {@code reference} chooses what production batches are compared with (null = the fixed
 * reference; docs/model-spec.md "drift.reference").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DriftSettings(
        String numericTest,
        String categoricalTest,
        Double alpha,
        Double psiThreshold,
        Double datasetDriftShare,
        ReferenceWindow reference) {

    public static final DriftSettings DEFAULTS = new DriftSettings("ks", "chi2", 0.05, 0.1, 0.5, ReferenceWindow.FIXED);

    /** The settings without a reference choice, as first contracted: the fixed reference. */
    public DriftSettings(String numericTest, String categoricalTest, Double alpha, Double psiThreshold,
                         Double datasetDriftShare) {
        this(numericTest, categoricalTest, alpha, psiThreshold, datasetDriftShare, null);
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
                reference != null && reference.mode() != null ? reference : DEFAULTS.reference);
    }
}
