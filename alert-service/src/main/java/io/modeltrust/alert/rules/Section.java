package io.modeltrust.alert.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of a result event a metric path can address, with the fields each part offers. The
 * field lists are the single source for path validation, flattening and the time-series API, so a
 * path accepted by a rule always names a series that is stored.
 */
public enum Section {
    DRIFT("drift", "drift", 0, List.of("driftShare", "datasetDrift", "driftedFeatures", "rows")),
    DRIFT_FEATURE("drift.features", "drift", 1, Fields.COLUMN_DRIFT),
    DRIFT_PREDICTION("drift.prediction", "drift", 0, Fields.COLUMN_DRIFT),
    DRIFT_LABEL("drift.label", "drift", 0, Fields.COLUMN_DRIFT),
    DRIFT_MULTIVARIATE("drift.multivariate", "drift", 0, List.of("value", "lower", "upper", "drifted")),
    DRIFT_DOMAIN_CLASSIFIER("drift.domainClassifier", "drift", 0, List.of("value", "lower", "upper", "drifted")),
    // Subjects: the segment ("region=east") and the feature; fewer fields than DRIFT_FEATURE, as a batch has
    // up to 5 × 50 segments of every feature and each field is a stored series.
    DRIFT_SEGMENT("drift.segments", "drift", 2, List.of("psi", "pValue", "adjustedPValue", "hellinger", "drifted")),
    /** The comparison with the previous batches of a result whose referenceMode is both (docs/api.md "previous"). */
    DRIFT_PREVIOUS("drift.previous", "drift", 0, List.of("driftShare", "datasetDrift", "driftedFeatures", "batches", "rows")),
    DRIFT_PREVIOUS_FEATURE("drift.previous.features", "drift", 1, Fields.COLUMN_DRIFT),
    DRIFT_PREVIOUS_PREDICTION("drift.previous.prediction", "drift", 0, Fields.COLUMN_DRIFT),
    DATA_QUALITY("drift.dataQuality", "drift", 1,
            List.of("referenceMissingShare", "missingShare", "missingShareChange", "outOfRangeShare", "unseenCategoryShare")),
    PERFORMANCE("performance", "performance", 0, Fields.performance()),
    PERFORMANCE_ESTIMATED("performance.estimated", "performance", 0, Fields.estimated()),
    FAIRNESS_ATTRIBUTE("fairness", "fairness", 1,
            List.of("demographicParityRatio", "demographicParityDifference", "equalOpportunityDifference", "equalizedOddsDifference")),
    FAIRNESS_GROUP("fairness.groups", "fairness", 2,
            List.of("count", "selectionRate", "selectionRateLow", "selectionRateHigh", "tpr", "fpr", "precision", "accuracy",
                    "statisticalParityDifference", "disparateImpactRatio", "pValue", "adjustedPValue", "eligible",
                    "selectionRateChange"));

    private final String prefix;
    private final String resultKind;
    private final int subjects;
    private final Set<String> fields;

    Section(String prefix, String resultKind, int subjects, List<String> fields) {
        this.prefix = prefix;
        this.resultKind = resultKind;
        this.subjects = subjects;
        this.fields = new LinkedHashSet<>(fields);
    }

    public String prefix() {
        return prefix;
    }

    /** The result kind (drift, performance, fairness) whose events carry this section. */
    public String resultKind() {
        return resultKind;
    }

    /**
     * How many names a path into this section carries: none, a feature/column/attribute, or two (attribute and
     * group, segment and feature).
     */
    public int subjects() {
        return subjects;
    }

    public Set<String> fields() {
        return fields;
    }

    /** The alert kind a rule on this section raises unless it says otherwise. */
    public String alertKind() {
        return this == DATA_QUALITY ? "data_quality" : resultKind;
    }

    /** Field vocabularies shared by several sections. */
    static final class Fields {
        static final List<String> COLUMN_DRIFT =
                List.of("statistic", "pValue", "adjustedPValue", "psi", "jensenShannon", "wasserstein", "hellinger", "drifted");
        static final List<String> METRICS = List.of("accuracy", "precision", "recall", "f1", "rocAuc", "prAuc", "logLoss",
                "brier", "ks", "gini", "mae", "rmse", "r2", "mape", "macroPrecision", "macroRecall", "macroF1", "weightedPrecision",
                "weightedRecall", "weightedF1", "rocAucOvr");
        static final List<String> METRIC_DERIVED =
                List.of("changeFromBaseline", "relativeChange", "baseline", "intervalLow", "intervalHigh");
        static final List<String> ESTIMATED_DERIVED = List.of("changeFromBaseline", "relativeChange");
        static final List<String> PERFORMANCE_TOP = List.of("labelCoverage", "labeledRows", "rows", "labelDelaySeconds");

        private Fields() {
        }

        static List<String> performance() {
            List<String> out = new java.util.ArrayList<>(PERFORMANCE_TOP);
            for (String m : METRICS) {
                out.add(m);
                METRIC_DERIVED.forEach(d -> out.add(m + "." + d));
            }
            return out;
        }

        static List<String> estimated() {
            List<String> out = new java.util.ArrayList<>();
            for (String m : METRICS) {
                out.add(m);
                ESTIMATED_DERIVED.forEach(d -> out.add(m + "." + d));
            }
            return out;
        }
    }
}
