package io.modeltrust.fairness.metrics;

/**
 * Figures of one group of one attribute. Rates over labelled rows are null when their denominator
 * is zero (no actual positives for {@code tpr}, no actual negatives for {@code fpr}, no predicted
 * positives among labelled rows for {@code precision}, no labelled rows for {@code accuracy}).
 * The reference-relative figures are null on the reference group itself.
 *
 * <p>For a multiclass model the decision is "predicted as the favourable class" and the label
 * "actually the favourable class": the confusion counts, {@code tpr} (the favourable class's
 * recall), {@code fpr} (the share of rows of the other classes predicted favourable) and
 * {@code precision} are that class's one-vs-rest figures. {@code accuracy} is not binarised: it is
 * the share of labelled rows whose predicted class equals the label.
 *
 * @param group                       group name ({@value CategoricalAttribute#MISSING} for missing values)
 * @param count                       rows of the group, labelled or not
 * @param selected                    rows with a positive decision
 * @param selectionRate               selected / count
 * @param selectionRateLow            95% Wilson score interval, lower bound
 * @param selectionRateHigh           95% Wilson score interval, upper bound
 * @param labelled                    rows with a known label
 * @param eligible                    count >= minGroupSize: takes part in the between-group figures and in explanations
 * @param reference                   this group is the attribute's reference group
 * @param statisticalParityDifference selectionRate - selectionRate of the reference group
 * @param disparateImpactRatio        selectionRate / selectionRate of the reference group; null when the latter is 0
 * @param pValue                      two-sided p-value of the selection-rate difference with the reference group
 * @param test                        the test behind {@code pValue}
 */
public record GroupFairness(
        String group,
        long count,
        long selected,
        double selectionRate,
        double selectionRateLow,
        double selectionRateHigh,
        long labelled,
        long truePositives,
        long falsePositives,
        long trueNegatives,
        long falseNegatives,
        Double tpr,
        Double fpr,
        Double precision,
        Double accuracy,
        boolean eligible,
        boolean reference,
        Double statisticalParityDifference,
        Double disparateImpactRatio,
        Double pValue,
        SignificanceTest test) {
}
