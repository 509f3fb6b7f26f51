package io.modeltrust.alert.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A rule as clients write it (GET/PUT /api/v1/models/{modelId}/alert-rules) and as it is stored.
 * Everything is optional here so that validation can name every missing or wrong field at once.
 * {@code alpha} is the significance level of {@code requireSignificance} (null: the service's
 * {@code alert.significance-alpha}, 0.05); {@code task} limits the rule to results of that model
 * task (binary_classification, multiclass_classification, regression); {@code minRows} is the
 * fewest rows a result must rest on for the rule to be evaluated (null: {@link AlertRule#defaultMinRows}).
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
        String description,
        Double alpha,
        String task,
        Integer minRows) {

    /** A rule without the later option {@code minRows}. */
    public RuleDefinition(String id, String path, String comparator, Double threshold, String severity, String kind,
                          Persistence persistence, Boolean requireSignificance, String group, String cooldown,
                          Boolean enabled, String description, Double alpha, String task) {
        this(id, path, comparator, threshold, severity, kind, persistence, requireSignificance, group, cooldown, enabled,
                description, alpha, task, null);
    }

    /** A rule without the later options {@code alpha}, {@code task} and {@code minRows}. */
    public RuleDefinition(String id, String path, String comparator, Double threshold, String severity, String kind,
                          Persistence persistence, Boolean requireSignificance, String group, String cooldown,
                          Boolean enabled, String description) {
        this(id, path, comparator, threshold, severity, kind, persistence, requireSignificance, group, cooldown, enabled,
                description, null, null, null);
    }

    /** "For N consecutive batches" ({@code batches}) or "for a duration" ({@code duration}, ISO-8601); not both. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Persistence(Integer batches, String duration) {
    }
}
