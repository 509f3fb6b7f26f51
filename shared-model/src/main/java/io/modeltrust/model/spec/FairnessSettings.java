package io.modeltrust.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Per-model fairness options: the smallest group that takes part in between-group figures,
 * attribute pairs for intersectional groups, bucket edges for numeric sensitive attributes, and
 * the word for a positive decision used in explanations ("Approval"), and for multiclass models the
 * favourable class whose predicted share is the selection rate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FairnessSettings(
        Integer minGroupSize,
        List<List<String>> intersections,
        Map<String, List<Double>> buckets,
        String positiveLabel,
        String favorableClass) {

    public FairnessSettings(Integer minGroupSize, List<List<String>> intersections, Map<String, List<Double>> buckets,
                            String positiveLabel) {
        this(minGroupSize, intersections, buckets, positiveLabel, null);
    }

    public static final int DEFAULT_MIN_GROUP_SIZE = 30;

    public int minGroupSizeOrDefault() {
        return minGroupSize != null ? minGroupSize : DEFAULT_MIN_GROUP_SIZE;
    }

    public List<List<String>> intersectionsOrEmpty() {
        return intersections != null ? intersections : List.of();
    }

    public Map<String, List<Double>> bucketsOrEmpty() {
        return buckets != null ? buckets : Map.of();
    }
}
