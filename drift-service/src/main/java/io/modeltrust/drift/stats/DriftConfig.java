package io.modeltrust.drift.stats;

/**
 * Drift decision settings (per model).
 *
 * @param numericTest       test whose p-value decides numeric features, one of
 *                          {@link TwoSampleTests#NUMERIC}
 * @param categoricalTest   test whose p-value decides categorical features, one of
 *                          {@link TwoSampleTests#CATEGORICAL}
 * @param alpha             a feature can drift only when its (BH-adjusted) p-value is below this
 * @param psiThreshold      ... and its PSI is at least this
 * @param datasetDriftShare datasetDrift when driftShare >= this
 */
public record DriftConfig(String numericTest, String categoricalTest, double alpha, double psiThreshold,
                          double datasetDriftShare) {

    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_PSI_THRESHOLD = 0.1;
    public static final double DEFAULT_DATASET_DRIFT_SHARE = 0.5;

    public DriftConfig {
        if (numericTest == null || !TwoSampleTests.NUMERIC.contains(numericTest)) {
            throw new IllegalArgumentException("unsupported numeric test: " + numericTest);
        }
        if (categoricalTest == null || !TwoSampleTests.CATEGORICAL.contains(categoricalTest)) {
            throw new IllegalArgumentException("unsupported categorical test: " + categoricalTest);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        if (!(psiThreshold >= 0)) {
            throw new IllegalArgumentException("psiThreshold must be >= 0: " + psiThreshold);
        }
        if (!(datasetDriftShare >= 0 && datasetDriftShare <= 1)) {
            throw new IllegalArgumentException("datasetDriftShare must be in [0, 1]: " + datasetDriftShare);
        }
    }

    /** ks, chi2, alpha 0.05, psi 0.1, dataset share 0.5. */
    public static DriftConfig defaults() {
        return new DriftConfig(FeatureComparison.KS, FeatureComparison.CHI2, DEFAULT_ALPHA,
                DEFAULT_PSI_THRESHOLD, DEFAULT_DATASET_DRIFT_SHARE);
    }

    /** The test this config expects for a column type. */
    public String testFor(String type) {
        return FeatureComparison.NUMERIC.equals(type) ? numericTest : categoricalTest;
    }
}
