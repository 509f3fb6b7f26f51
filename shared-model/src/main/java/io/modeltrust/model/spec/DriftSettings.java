package io.modeltrust.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Per-model override of the drift decision rule of docs/metrics.md. Null fields fall back to the
 * defaults (ks, chi2, alpha 0.05, psi 0.1, dataset drift share 0.5).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DriftSettings(
        String numericTest,
        String categoricalTest,
        Double alpha,
        Double psiThreshold,
        Double datasetDriftShare) {

    public static final DriftSettings DEFAULTS = new DriftSettings("ks", "chi2", 0.05, 0.1, 0.5);

    /** This object with every null field taken from {@link #DEFAULTS}. */
    public DriftSettings withDefaults() {
        return new DriftSettings(
                numericTest != null ? numericTest : DEFAULTS.numericTest,
                categoricalTest != null ? categoricalTest : DEFAULTS.categoricalTest,
                alpha != null ? alpha : DEFAULTS.alpha,
                psiThreshold != null ? psiThreshold : DEFAULTS.psiThreshold,
                datasetDriftShare != null ? datasetDriftShare : DEFAULTS.datasetDriftShare);
    }
}
