package io.modeltrust.performance.rows;

/**
 * What evaluating one production batch needs, per row, in columns: the id hash (to join late labels),
 * the prediction, the score, the label as far as known, and the slice codes. The same shape is built
 * from an arriving batch and from the stored predictions, so every revision is computed alike.
 *
 * <p>Classification uses {@code predictedPositive} and {@code labelState} (−1 unknown, 0 negative,
 * 1 positive); regression uses {@code predicted} and {@code labelValue} (NaN unknown). Mutable on
 * purpose: labels are applied in place.
 *
 * @param regression        the model's task is regression
 * @param idHashes          IdHash per row in ascending order, or null when the model has no id column
 * @param predictedPositive classification: prediction == positiveClass
 * @param predicted         regression: the predicted value
 * @param score             score per row (NaN missing), or null when the model has no score
 * @param labelState        classification labels
 * @param labelValue        regression labels
 * @param sliceCodes        [feature][row] codes of {@link SliceSchema}
 */
public record EvaluationRows(boolean regression, int rows, long[] idHashes, boolean[] predictedPositive,
                             double[] predicted, double[] score, byte[] labelState, double[] labelValue,
                             byte[][] sliceCodes) {

    public static final byte UNKNOWN = -1;

    public boolean isLabeled(int row) {
        return regression ? !Double.isNaN(labelValue[row]) : labelState[row] != UNKNOWN;
    }

    public int labeledRows() {
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (isLabeled(i)) {
                n++;
            }
        }
        return n;
    }
}
