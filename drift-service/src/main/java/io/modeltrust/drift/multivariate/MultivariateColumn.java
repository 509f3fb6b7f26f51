package io.modeltrust.drift.multivariate;

/** One feature column of a batch as the reconstruction sees it: its name and its raw values. */
public sealed interface MultivariateColumn permits MultivariateColumn.Numeric, MultivariateColumn.Categorical {

    String name();

    int rows();

    /** @param values one value per row, NaN = missing */
    record Numeric(String name, double[] values) implements MultivariateColumn {
        @Override
        public int rows() {
            return values.length;
        }
    }

    /**
     * @param dictionary category strings of this batch (need not match the reference's)
     * @param codes      one code per row into {@code dictionary}, -1 = missing
     */
    record Categorical(String name, String[] dictionary, int[] codes) implements MultivariateColumn {
        @Override
        public int rows() {
            return codes.length;
        }
    }
}
