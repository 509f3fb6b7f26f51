package io.modeltrust.performance.profile;

import io.modeltrust.model.spec.Task;
import io.modeltrust.performance.metrics.IsotonicCalibration;
import io.modeltrust.performance.metrics.MulticlassCalibration;
import io.modeltrust.performance.metrics.ReferenceSlices;
import io.modeltrust.performance.rows.SliceSchema;
import java.util.List;
import java.util.Map;

/**
 * What a production batch is compared with: the realised metrics of the labelled reference rows,
 * how features are sliced, every reference slice's accuracy (regression: MAE), and how scores are
 * calibrated for the estimate. Computed once per reference version and stored as JSON.
 *
 * @param metrics          realised metrics by docs/metrics.md name; empty when the reference has no labels
 * @param slices           reference slice figures, null when the reference has no labels
 * @param calibration      binary: isotonic calibration of the score fitted on the labelled reference rows;
 *                         null for the other tasks, without a score, or with too few labelled rows of a class
 * @param estimated        the estimate (CBPE on calibrated scores) over the reference rows, what a batch's
 *                         estimate is compared with; null when there is no calibration
 * @param calibrationNote  why there is no calibration, null when there is one or for regression
 * @param classes          multiclass: the model's declared classes, the order of every class code and
 *                         per-class figure; null for the other tasks
 * @param classCalibration multiclass: the one-vs-rest calibrations of the class scores; null without
 *                         scores or with too few labelled rows of a class
 */
public record ReferenceBaseline(String modelId, int referenceVersion, String task, long rows, long labeledRows,
                                Map<String, Double> metrics, SliceSchema schema, ReferenceSlices slices,
                                IsotonicCalibration calibration, Map<String, Double> estimated,
                                String calibrationNote, List<String> classes,
                                MulticlassCalibration classCalibration) {

    /** A binary or regression baseline. */
    public ReferenceBaseline(String modelId, int referenceVersion, String task, long rows, long labeledRows,
                             Map<String, Double> metrics, SliceSchema schema, ReferenceSlices slices,
                             IsotonicCalibration calibration, Map<String, Double> estimated,
                             String calibrationNote) {
        this(modelId, referenceVersion, task, rows, labeledRows, metrics, schema, slices, calibration, estimated,
                calibrationNote, null, null);
    }

    /**
     * Class codes index the reference's classes: a batch coded by other classes (or of another task) would
     * be counted against the wrong class, so it is refused. Ingest refuses such a change of a model with
     * data; this holds when something else published the batch.
     *
     * @param what the batch, for the message
     */
    public void requireSameMeaning(Task batchTask, List<String> batchClasses, String what) {
        if (!batchTask.wire().equals(task)) {
            throw new IllegalStateException(what + " is " + batchTask.wire() + " but reference v" + referenceVersion
                    + " is " + task);
        }
        if (batchTask == Task.MULTICLASS_CLASSIFICATION && !batchClasses.equals(classes)) {
            throw new IllegalStateException(what + " has the classes " + batchClasses + " but reference v"
                    + referenceVersion + " has " + classes);
        }
    }
}
