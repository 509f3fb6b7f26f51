package io.modeltrust.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A monitored model as producers register it (CONTRACT.md "Models"). Column names are the names
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
        FairnessSettings fairness) {

    public List<FeatureSpec> featuresOrEmpty() {
        return features != null ? features : List.of();
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
        return fairness != null ? fairness : new FairnessSettings(null, null, null, null);
    }
}
