package io.modeltrust.fairness.metrics;

/**
 * The "why" of a fairness figure: one plain English sentence and the facts it states.
 *
 * @param attribute     attribute name
 * @param metric        "demographicParityRatio" or "equalOpportunityDifference"
 * @param value         the metric's value (equal to the attribute's figure), null when undefined
 * @param threshold     threshold the value was compared with (the ratio threshold), null if none
 * @param group         worst group: lowest selection rate (or tpr) among eligible groups; null when none
 * @param comparedGroup group with the highest rate it is compared with; null when none
 * @param subject       "attribute=group" of the worst group, the alert subject; null when none
 * @param pValue        two-sided p-value of the two groups' selection-rate difference; null for tpr
 * @param text          the sentence
 */
public record Explanation(
        String attribute,
        String metric,
        Double value,
        Double threshold,
        String group,
        String comparedGroup,
        String subject,
        Double pValue,
        String text) {
}
