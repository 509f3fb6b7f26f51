package io.modeltrust.drift.stats;

/** One production column with its reference profile, for {@link FeatureComparator#compareAll}. */
public sealed interface ColumnInput permits ColumnInput.Numeric, ColumnInput.Categorical {

    String feature();

    /** @param production one value per row, NaN = missing, unsorted */
    record Numeric(String feature, NumericReferenceProfile reference, double[] production) implements ColumnInput {
    }

    /**
     * @param dictionary production category strings (need not match the reference dictionary)
     * @param codes      one code per row into {@code dictionary}, -1 = missing
     */
    record Categorical(String feature, CategoricalReferenceProfile reference, String[] dictionary, int[] codes)
            implements ColumnInput {
    }
}
