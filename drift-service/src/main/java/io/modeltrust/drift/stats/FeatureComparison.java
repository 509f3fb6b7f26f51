package io.modeltrust.drift.stats;

import java.util.List;

/**
 * Reference vs production comparison of one column. Statistics are null when they are undefined:
 * no non-missing value on one side, or {@code wasserstein} for a categorical column.
 *
 * @param feature         column name
 * @param type            {@link #NUMERIC} or {@link #CATEGORICAL}
 * @param test            the model's test for the column type ({@link TwoSampleTests#NUMERIC},
 *                        {@link TwoSampleTests#CATEGORICAL})
 * @param statistic       that test's statistic (KS D, Cramér-von Mises T, Anderson-Darling A2,
 *                        Pearson chi-square or G); null when the test is undefined on the samples
 * @param pValue          raw (unadjusted) p-value of {@code test}
 * @param psi             population stability index, shares floored at 1e-4
 * @param jensenShannon   Jensen-Shannon distance (natural log) over the PSI bins
 * @param wasserstein     Wasserstein-1 distance / population std of the reference (raw when the
 *                        std is 0); null for categorical
 * @param hellinger       Hellinger distance over the PSI bins, unfloored shares
 * @param referenceCount  non-missing reference values
 * @param productionCount non-missing production values
 * @param explanation     largest PSI contributions, summaries and a one-sentence description
 * @param dataQuality     missing shares, out-of-range and unseen-category shares
 */
public record FeatureComparison(
        String feature,
        String type,
        String test,
        Double statistic,
        Double pValue,
        Double psi,
        Double jensenShannon,
        Double wasserstein,
        Double hellinger,
        long referenceCount,
        long productionCount,
        Explanation explanation,
        DataQuality dataQuality) {

    public static final String NUMERIC = "numeric";
    public static final String CATEGORICAL = "categorical";
    public static final String KS = TwoSampleTests.KS;
    public static final String CHI2 = TwoSampleTests.CHI2;

    /**
     * Whether a test result exists: both sides had a non-missing value and the test is defined on
     * the samples (Cramér-von Mises needs two values a side, Anderson-Darling two distinct values).
     */
    public boolean testable() {
        return pValue != null && !pValue.isNaN();
    }

    /**
     * @param topBins    up to three bins (numeric) or categories with the largest PSI terms,
     *                   largest first
     * @param reference  numeric only (null for categorical or an empty side)
     * @param production numeric only (null for categorical or an empty side)
     * @param sentence   one plain English sentence
     */
    public record Explanation(List<BinContribution> topBins, Summary reference, Summary production,
                              String sentence) {
    }

    /**
     * @param bin             bin index (numeric: numpy.searchsorted(edges, x, 'left')) or position
     *                        in the union of categories (reference order, then production-only)
     * @param label           "(lo, hi]", "(-inf, hi]", "(lo, +inf)" (numeric) or the category
     * @param referenceShare  unfloored share of non-missing reference values
     * @param productionShare unfloored share of non-missing production values
     * @param psiTerm         (q - p) ln(q / p) with floored shares
     */
    public record BinContribution(int bin, String label, double referenceShare, double productionShare,
                                  double psiTerm) {
    }

    /** Mean and numpy.quantile (linear) 10th, 50th and 90th percentiles of non-missing values. */
    public record Summary(double mean, double p10, double p50, double p90) {
    }

    /**
     * Shares are null when undefined (no rows, or no non-missing values for the last two).
     *
     * @param referenceMissingShare  missing rows / rows, reference
     * @param productionMissingShare missing rows / rows, production
     * @param outOfRangeShare        numeric: production values outside the reference [min, max] /
     *                               non-missing production values; null for categorical
     * @param unseenCategoryShare    categorical: production values whose category never occurs in
     *                               the reference / non-missing production values; null for numeric
     * @param unseenCategories       categorical: those categories, most frequent first (ties by
     *                               name), empty when there are none; null for numeric or when a side
     *                               has no values
     */
    public record DataQuality(Double referenceMissingShare, Double productionMissingShare,
                              Double outOfRangeShare, Double unseenCategoryShare, List<String> unseenCategories) {

        public DataQuality(Double referenceMissingShare, Double productionMissingShare, Double outOfRangeShare,
                           Double unseenCategoryShare) {
            this(referenceMissingShare, productionMissingShare, outOfRangeShare, unseenCategoryShare, null);
        }

        public DataQuality {
            unseenCategories = unseenCategories == null ? null : List.copyOf(unseenCategories);
        }
    }
}
