package io.modeltrust.alert.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A rule as clients write it (GET/PUT /api/v1/models/{modelId}/alert-rules) and as it is stored.
 * Everything is optional here so that validation can name every missing or wrong field at once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleDefinition(
        String id,
        String path,
        String comparator,
        Double threshold,
        String severity,
        String kind,
        Persistence persistence,
        Boolean requireSignificance,
        String group,
        String cooldown,
        Boolean enabled,
        String description) {

    /** "For N consecutive batches" ({@code batches}) or "for a duration" ({@code duration}, ISO-8601); not both. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Persistence(Integer batches, String duration) {
    }
}
