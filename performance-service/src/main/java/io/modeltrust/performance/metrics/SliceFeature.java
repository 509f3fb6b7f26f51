package io.modeltrust.performance.metrics;

/**
 * One feature column of a batch (or of the reference data), cut into slices for
 * {@link SliceAnalysis}. The last slice of every feature is "missing".
 */
public sealed interface SliceFeature permits SliceFeature.Numeric, SliceFeature.Categorical {

    String name();

    /** Rows in the column. */
    int rows();

    /** Slice labels by slice index; the last one is the missing slice. */
    String[] sliceLabels();

    /**
     * A numeric column binned by the reference decile edges: value x falls in slice
     * {@code numpy.searchsorted(edges, x, side='left')}, so slice k holds edges[k−1] &lt; x ≤ edges[k];
     * NaN falls in the missing slice.
     *
     * @param values one value per row, NaN = missing
     * @param edges  sorted, distinct reference edges, e.g. from {@link DecileEdges#of}; the same array
     *               must be used for the reference and every batch
     */
    record Numeric(String name, double[] values, double[] edges) implements SliceFeature {
        public Numeric {
            for (int k = 1; k < edges.length; k++) {
                if (!(edges[k - 1] < edges[k])) {
                    throw new IllegalArgumentException("edges of " + name + " are not strictly increasing");
                }
            }
        }

        @Override
        public int rows() {
            return values.length;
        }

        @Override
        public String[] sliceLabels() {
            return SliceLabels.numeric(name, edges);
        }
    }

    /**
     * A dictionary-coded categorical column; one slice per dictionary entry, matched to the reference by
     * category text (so batch and reference dictionaries may be coded differently).
     *
     * @param codes      index into dictionary per row, -1 = missing
     * @param dictionary category text by code
     */
    record Categorical(String name, int[] codes, String[] dictionary) implements SliceFeature {
        @Override
        public int rows() {
            return codes.length;
        }

        @Override
        public String[] sliceLabels() {
            String[] labels = new String[dictionary.length + 1];
            for (int c = 0; c < dictionary.length; c++) {
                labels[c] = name + "=" + dictionary[c];
            }
            labels[dictionary.length] = SliceLabels.missing(name);
            return labels;
        }
    }
}
