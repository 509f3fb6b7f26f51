package io.modeltrust.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The fairness service's result for one production batch (docs/api.md "fairness"). Intersectional
 * attributes are named "a|b" with groups "x|y". Label-dependent figures get a new revision when
 * delayed labels arrive.
 *
 * <p>{@code AttributeResult.referenceSource} says why the reference group was chosen: "privileged"
 * (configured), "baseline" (the reference group of the baseline computed on the reference data) or
 * "largest". {@code GroupResult.labeled} counts the group's rows with a known label (the
 * denominator behind tpr, fpr and accuracy). {@code GroupResult.adjustedPValue} is the group's
 * {@code pValue} Benjamini–Hochberg adjusted across every tested group (eligible, not a reference) of
 * every attribute and intersection of the batch: what alert rules judge significance by.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FairnessResult(
        String kind,
        int schemaVersion,
        String eventId,
        String modelId,
        String batchId,
        int referenceVersion,
        int revision,
        Instant computedAt,
        Instant at,
        long rows,
        long labeledRows,
        int minGroupSize,
        List<AttributeResult> attributes,
        Worst worst,
        String explanation) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttributeResult(
            String attribute,
            String referenceGroup,
            Double demographicParityDifference,
            Double demographicParityRatio,
            Double equalOpportunityDifference,
            Double equalizedOddsDifference,
            List<GroupResult> groups,
            Baseline baseline,
            String explanation,
            String referenceSource) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupResult(
            String group,
            long count,
            double selectionRate,
            double selectionRateLow,
            double selectionRateHigh,
            Double tpr,
            Double fpr,
            Double precision,
            Double accuracy,
            Double statisticalParityDifference,
            Double disparateImpactRatio,
            Double pValue,
            String test,
            boolean eligible,
            Double baselineSelectionRate,
            Double selectionRateChange,
            long labeled,
            Double adjustedPValue) {

        /** A group without {@code adjustedPValue}. */
        public GroupResult(String group, long count, double selectionRate, double selectionRateLow,
                           double selectionRateHigh, Double tpr, Double fpr, Double precision, Double accuracy,
                           Double statisticalParityDifference, Double disparateImpactRatio, Double pValue, String test,
                           boolean eligible, Double baselineSelectionRate, Double selectionRateChange, long labeled) {
            this(group, count, selectionRate, selectionRateLow, selectionRateHigh, tpr, fpr, precision, accuracy,
                    statisticalParityDifference, disparateImpactRatio, pValue, test, eligible, baselineSelectionRate,
                    selectionRateChange, labeled, null);
        }

        /** This group with its p-value adjusted across the batch's groups. */
        public GroupResult withAdjustedPValue(Double adjusted) {
            return new GroupResult(group, count, selectionRate, selectionRateLow, selectionRateHigh, tpr, fpr, precision,
                    accuracy, statisticalParityDifference, disparateImpactRatio, pValue, test, eligible,
                    baselineSelectionRate, selectionRateChange, labeled, adjusted);
        }
    }

    /**
     * The same attribute on the reference data, and how far the ratio moved since.
     * {@code referenceGroup} is the baseline's reference group (the batch compares with the same one
     * unless a privileged group is configured).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Baseline(Double demographicParityRatio, Double demographicParityDifference,
                           Double demographicParityRatioChange, String referenceGroup) {
    }

    /** The worst disparity of the batch, ready to be an alert's subject and explanation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Worst(String attribute, String subject, String metric, Double value, Double threshold,
                        Double pValue, String text) {
    }
}
