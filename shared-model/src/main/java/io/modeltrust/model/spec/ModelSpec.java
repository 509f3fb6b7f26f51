package io.modeltrust.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A monitored model as producers register it (docs/api.md "Models"). Column names are the names
 * in uploaded data; optional roles are null when the model has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(
        Task task,
        List<FeatureSpec> features,
        String prediction,
        String score,
        String label,
        String positiveClass,
        List<String> sensitive,
        Map<String, String> privileged,
        String id,
        String timestamp,
        DriftSettings drift,
        FairnessSettings fairness,
        List<String> classes,
        Map<String, String> scores,
        List<String> segments) {

    /** The spec without segments. */
    public ModelSpec(Task task, List<FeatureSpec> features, String prediction, String score, String label,
                     String positiveClass, List<String> sensitive, Map<String, String> privileged, String id,
                     String timestamp, DriftSettings drift, FairnessSettings fairness, List<String> classes,
                     Map<String, String> scores) {
        this(task, features, prediction, score, label, positiveClass, sensitive, privileged, id, timestamp, drift,
                fairness, classes, scores, null);
    }

    /** The spec without classes or per-class score columns (binary and regression models as first contracted). */
    public ModelSpec(Task task, List<FeatureSpec> features, String prediction, String score, String label,
                     String positiveClass, List<String> sensitive, Map<String, String> privileged, String id,
                     String timestamp, DriftSettings drift, FairnessSettings fairness) {
        this(task, features, prediction, score, label, positiveClass, sensitive, privileged, id, timestamp, drift,
                fairness, null, null, null);
    }

    public List<String> classesOrEmpty() {
        return classes != null ? classes : List.of();
    }

    /** Multiclass score columns by class, in the order of {@link #classes}. */
    public Map<String, String> scoresOrEmpty() {
        return scores != null ? scores : Map.of();
    }

    /** The class whose predicted share is the selection rate: fairness.favorableClass, else positiveClass. */
    public String favorableClass() {
        String configured = fairness != null ? fairness.favorableClass() : null;
        return configured != null ? configured : positiveClass;
    }

    /** This spec with other classes (and, for binary, the positive class as matched to them). */
    public ModelSpec withClasses(List<String> newClasses, String newPositiveClass) {
        return new ModelSpec(task, features, prediction, score, label, newPositiveClass, sensitive, privileged, id,
                timestamp, drift, fairness, newClasses, scores, segments);
    }

    public List<FeatureSpec> featuresOrEmpty() {
        return features != null ? features : List.of();
    }

    /** Categorical columns (features or sensitive attributes) whose values' rows get their own drift comparison. */
    public List<String> segmentsOrEmpty() {
        return segments != null ? segments : List.of();
    }

    public List<String> sensitiveOrEmpty() {
        return sensitive != null ? sensitive : List.of();
    }

    public Map<String, String> privilegedOrEmpty() {
        return privileged != null ? privileged : Map.of();
    }

    public DriftSettings driftOrDefaults() {
        return drift != null ? drift.withDefaults() : DriftSettings.DEFAULTS;
    }

    public FairnessSettings fairnessOrDefaults() {
        return fairness != null ? fairness : new FairnessSettings(null, null, null, null, null);
    }
}
