package io.modeltrust.alert.rules;

/** The rule path language in brief, for the OpenAPI description (the full text is docs/alert-rules.md). */
public final class RuleLanguage {

    public static final String SUMMARY = """
            A rule: {"id", "path", "comparator", "threshold", "severity": info|warning|critical, "kind" (optional: derived \
            from the path, or "retraining"), "persistence": {"batches": N} or {"duration": "PT6H"}, "requireSignificance", \
            "alpha" (significance level, default 0.05), "task": binary_classification|multiclass_classification|regression \
            (optional: only results of that task), "group": "subject"|"batch", "cooldown": "PT6H", "enabled", "description"}.
            Paths: drift.<driftShare|datasetDrift|driftedFeatures|rows>; drift.features.<name|*>.<statistic|pValue|\
            adjustedPValue|psi|jensenShannon|wasserstein|drifted>; drift.prediction.<field>; drift.label.<field>; \
            drift.multivariate.<value|lower|upper|drifted>; drift.domainClassifier.<value|lower|upper|drifted>; \
            drift.segments.<column=value|*>.features.<name|*>.<psi|pValue|adjustedPValue|hellinger|drifted>; \
            drift.previous.<driftShare|datasetDrift|driftedFeatures|\
            batches|rows>, drift.previous.features.<name|*>.<field>, drift.previous.prediction.<field> (referenceMode both); \
            drift.dataQuality.<column|*>.<referenceMissingShare|missingShare|missingShareChange|outOfRangeShare|\
            unseenCategoryShare>; performance.<metric> (metrics.<metric>); performance.<metric>.changeFromBaseline \
            (change.<metric>.absolute); performance.<metric>.relativeChange; performance.<metric>.baseline; \
            performance.<metric>.intervalLow|intervalHigh; performance.estimated.<metric>[.changeFromBaseline|.relativeChange]; \
            performance.labelCoverage|labeledRows|rows|labelDelaySeconds; fairness.<attribute|*>.<demographicParityRatio|\
            demographicParityDifference|equalOpportunityDifference|equalizedOddsDifference>; \
            fairness.<attribute|*>.groups.<group|*>.<count|selectionRate|selectionRateLow|selectionRateHigh|tpr|fpr|\
            precision|accuracy|statisticalParityDifference|disparateImpactRatio|pValue|selectionRateChange>. \
            Metrics: accuracy, precision, recall, f1, rocAuc, prAuc, logLoss, brier, ks, gini, mae, rmse, r2, mape, \
            macroPrecision, macroRecall, macroF1, weightedPrecision, weightedRecall, weightedF1, rocAucOvr.
            Comparators: lt, lte, gt, gte, eq, neq, absGt, absGte (or <, <=, >, >=, ==, !=). Booleans compare as 1/0; a value equal to the threshold up to 1e-9 reaches it.
            A rule matching several subjects opens one alert per subject (feature name, column, attribute, or \
            attribute=group) unless "group": "batch" (the default for drift.features.*), which keeps one alert per batch listing the subjects. requireSignificance: \
            fairness group fields need the group's pValue < alpha (no pValue: no breach); performance changeFromBaseline needs the metric's 95% \
            interval to exclude the baseline; elsewhere it is ignored.""";

    private RuleLanguage() {
    }
}
