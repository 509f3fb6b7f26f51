package io.modeltrust.fairness.metrics;

import java.util.Objects;

/**
 * Wording and threshold of fairness explanations.
 *
 * @param positiveRateNoun sentence-initial noun of the positive decision's rate, e.g. "Approval rate"
 * @param ratioThreshold   the four-fifths rule threshold the selection-rate ratio is compared with
 */
public record ExplanationOptions(String positiveRateNoun, double ratioThreshold) {

    public static final String DEFAULT_NOUN = "Selection rate";
    public static final double DEFAULT_RATIO_THRESHOLD = 0.8;

    public ExplanationOptions {
        Objects.requireNonNull(positiveRateNoun, "positiveRateNoun");
    }

    public static ExplanationOptions defaults() {
        return new ExplanationOptions(DEFAULT_NOUN, DEFAULT_RATIO_THRESHOLD);
    }

    public ExplanationOptions withNoun(String noun) {
        return new ExplanationOptions(noun, ratioThreshold);
    }
}
