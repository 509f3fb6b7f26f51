package io.modeltrust.alert.report;

import java.time.Instant;
import java.util.List;

/**
 * The content of a period report (docs/reports.md), built only from the stored history. The HTML and
 * PDF renderings and the JSON format all show this one value, so what a reader sees and what a program
 * reads cannot disagree. Series are columnar: {@code at} once per section and one double[] per line,
 * NaN where a batch lacks the value (written as null in JSON).
 */
public record Report(Header header, String summary, Performance performance, Drift drift, Fairness fairness,
                     List<AlertEntry> alerts, List<IncidentEntry> incidents, Footer footer) {

    /** The model and the period; {@code batches} and {@code rows} count what was monitored within [from, to). */
    public record Header(String modelId, String task, List<Integer> referenceVersions, Instant from, Instant to,
                         int batches, long rows, Instant firstBatchAt, Instant lastBatchAt, String firstBatchId,
                         String lastBatchId) {
    }

    /** Realised metrics against the baseline, the estimate beside them, and how many rows have labels. */
    public record Performance(String task, List<Instant> at, List<MetricTrend> metrics, double labelCoverage,
                              long labeledRows, Double meanLabelDelaySeconds, double[] coverageSeries, String note) {
    }

    /**
     * One metric over the period: the per-batch values with their 95% interval and the estimate, the
     * baseline, and the figures a reader quotes (first, last, mean; mean estimation error where both exist).
     */
    public record MetricTrend(String metric, Double baseline, Double first, Double last, Double mean, Double min,
                              Double max, Double lastLow, Double lastHigh, Double estimatedLast,
                              Double meanEstimationError, int batchesWorseThanBaseline, double[] values,
                              double[] low, double[] high, double[] estimated) {
    }

    /** Features × batches, the features that drifted with the service's explanation, data quality. */
    public record Drift(int batches, List<String> features, HeatMap heatMap, List<Instant> at, double[] driftShare,
                        int datasetDriftBatches, List<DriftedFeature> drifted, List<QualityRow> quality,
                        Multivariate multivariate, Multivariate domainClassifier, List<SegmentFinding> segments) {
    }

    /** A feature that drifted inside a segment (model spec segments) in at least one batch of the period. */
    public record SegmentFinding(String segment, String feature, int batchesDrifted, int batchesTested, Instant lastAt) {
    }

    /**
     * The heat map: features (rows) × columns of consecutive batches ({@code batchesPerColumn} each, so a
     * long period still fits a page); a cell is the share of its batches in which the feature drifted, NaN
     * when none of them tested it.
     */
    public record HeatMap(List<String> features, List<Instant> columnStarts, int batchesPerColumn, double[][] share) {
    }

    /** A feature that drifted in at least one batch; the explanation is the one of its last drifted batch. */
    public record DriftedFeature(String feature, int batchesDrifted, int batchesTested, Double maxPsi,
                                 String lastBatchId, Instant lastAt, String explanation) {
    }

    /** A column's data quality over the period (shares in [0, 1]); null where the column never carried it. */
    public record QualityRow(String column, Double referenceMissingShare, Double meanMissingShare, Double maxMissingShare,
                             Double maxOutOfRangeShare, Double maxUnseenCategoryShare) {
    }

    /**
     * Multivariate drift where the drift results carry it: the newest such result's figures (the PCA
     * reconstruction, and the domain classifier where the model asks for it).
     */
    public record Multivariate(String method, String batchId, Double value, Double lower, Double upper, boolean drifted,
                               List<String> contributors) {
    }

    /** One section per sensitive attribute, and the methodology in plain words. */
    public record Fairness(List<Instant> at, List<AttributeSection> attributes, List<String> methodology) {
    }

    /**
     * One sensitive attribute. {@code groups} pool the period's batches; {@code latestParityRatio} is the
     * demographic parity ratio of the newest batch exactly as the fairness result reports it (the API's
     * number), {@code periodParityRatio} the same ratio on the pooled selection rates.
     */
    public record AttributeSection(String attribute, String referenceGroup, List<GroupRow> groups, String latestBatchId,
                                   Double latestParityRatio, Double latestParityDifference, Double baselineParityRatio,
                                   Double periodParityRatio, Double latestEqualOpportunityDifference,
                                   Double meanEqualOpportunityDifference, int batchesBelowFourFifths, double[] parityRatio,
                                   double[] equalOpportunity, String explanation) {
    }

    /**
     * A group pooled over the period: selected of count rows, the Wilson 95% interval, the adverse-impact
     * ratio against the reference group with its two-sided p-value, the test, that p Benjamini–Hochberg adjusted
     * over every tested group of the report (what {@code significant} judges at 0.05), and the newest batch's tpr.
     */
    public record GroupRow(String group, long count, long selected, double selectionRate, double low, double high,
                           boolean reference, Double adverseImpactRatio, Double pValue, String test,
                           Double adjustedPValue, Boolean significant,
                           Boolean belowFourFifths, Double latestTpr) {
    }

    /** An alert that breached in the period, with its audit trail. */
    public record AlertEntry(String alertId, String rule, String kind, String severity, String status, String subject,
                             String metric, Double value, Double threshold, String firstBatchId, Instant firstBatchAt,
                             String lastBatchId, Instant lastBatchAt, int occurrencesInPeriod, Instant openedAt,
                             String acknowledgedBy, Instant acknowledgedAt, String resolvedBy, Instant resolvedAt,
                             String resolveReason, String explanation, List<AuditStep> audit) {
    }

    /** One status change of an alert: who, when, why. */
    public record AuditStep(Instant at, String transition, String fromStatus, String toStatus, String actor, String reason) {
    }

    /** Alerts of the period that overlapped in batch time, with the explanation that links them. */
    public record IncidentEntry(String incidentId, Instant from, Instant to, String status, String severity,
                                List<String> kinds, List<String> alertIds, String explanation) {
    }

    /** The rules in force and what is needed to reproduce the report. */
    public record Footer(int ruleSetVersion, String ruleSetSource, List<RuleLine> rules, String softwareVersion,
                         List<Integer> referenceVersions, String baselineHash, Integer specVersion, Instant generatedAt,
                         int maxPeriodDays) {
    }

    /** A rule as a reader needs it: what it watches, against what, how severe. */
    public record RuleLine(String id, String path, String comparison, double threshold, String severity, boolean enabled,
                           String description) {
    }
}
