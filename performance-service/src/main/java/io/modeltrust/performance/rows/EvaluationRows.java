package io.modeltrust.performance.rows;

import io.modeltrust.model.spec.Task;

/**
 * What evaluating one production batch needs, per row, in columns: the id hash (to join late labels),
 * the prediction, the score, the label as far as known, and the slice codes. The same shape is built
 * from an arriving batch and from the stored predictions, so every revision is computed alike.
 *
 * <p>Binary classification uses {@code predictedPositive} and {@code labelState} (−1 unknown, 0 negative,
 * 1 positive); multiclass uses {@code predictedClass} and {@code labelState} as class codes (−1 unknown,
 * else the index of the class in the model's declared {@code classes}) with {@code classScores};
 * regression uses {@code predicted} and {@code labelValue} (NaN unknown). Mutable on purpose: labels are
 * applied in place. Labels of both classification tasks are one byte per row, so joining and correcting
 * them is the same code.
 *
 * @param regression        the model's task is regression
 * @param idHashes          IdHash per row in ascending order, or null when the model has no id column
 * @param predictedPositive binary: prediction == positiveClass
 * @param predicted         regression: the predicted value
 * @param score             binary: score per row (NaN missing), or null when the model has no score
 * @param labelState        classification labels
 * @param labelValue        regression labels
 * @param sliceCodes        [feature][row] codes of {@link SliceSchema}
 * @param predictedClass    multiclass: predicted class code per row, −1 when the row has no prediction;
 *                          null for the other tasks
 * @param classScores       multiclass: [class][row] score of each class (NaN missing), or null when the
 *                          model declares no scores
 */
public record EvaluationRows(boolean regression, int rows, long[] idHashes, boolean[] predictedPositive,
                             double[] predicted, double[] score, byte[] labelState, double[] labelValue,
                             byte[][] sliceCodes, byte[] predictedClass, double[][] classScores) {

    public static final byte UNKNOWN = -1;

    /** Binary classification or regression rows. */
    public EvaluationRows(boolean regression, int rows, long[] idHashes, boolean[] predictedPositive,
                          double[] predicted, double[] score, byte[] labelState, double[] labelValue,
                          byte[][] sliceCodes) {
        this(regression, rows, idHashes, predictedPositive, predicted, score, labelState, labelValue, sliceCodes,
                null, null);
    }

    /** Multiclass rows. */
    public static EvaluationRows multiclass(int rows, long[] idHashes, byte[] predictedClass, double[][] classScores,
                                            byte[] labelClass, byte[][] sliceCodes) {
        return new EvaluationRows(false, rows, idHashes, null, null, null, labelClass, null, sliceCodes,
                predictedClass, classScores);
    }

    public boolean multiclass() {
        return predictedClass != null;
    }

    public Task task() {
        return regression ? Task.REGRESSION : multiclass() ? Task.MULTICLASS_CLASSIFICATION
                : Task.BINARY_CLASSIFICATION;
    }

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
