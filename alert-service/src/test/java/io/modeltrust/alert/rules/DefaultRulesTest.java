package io.modeltrust.alert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.alert.lifecycle.Explanations;
import io.modeltrust.alert.lifecycle.ResultContext;
import io.modeltrust.model.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each default rule on a clear case and on a stable one, evaluated as the pipeline does (task filter included). */
class DefaultRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");
    private static final BatchKey KEY = new BatchKey(T0, "b1");
    private final RuleEvaluator evaluator = new RuleEvaluator(0.05);

    // --- fairness: significance gate -------------------------------------------------------------

    @Test
    void smallGroupNoiseDoesNotPage() {
        // The trial: ratio 0.7 on 65 rows with p = 0.143 paged CRITICAL.
        // It is kept on record, at info, with its p-value: that pages nobody.
        ObjectNode noisy = fairness(65, 0.35, 0.143);
        assertEquals(List.of(Severity.INFO), severities(breaching("fairness.disparate-impact", noisy)));
        assertEquals(List.of(Severity.INFO), severities(breaching("fairness.statistical-parity", noisy)));
        for (double p : List.of(0.082, 0.119)) {
            assertEquals(List.of(Severity.INFO), severities(breaching("fairness.disparate-impact", fairness(60, 0.35, p))));
        }
    }

    @Test
    void significantShiftPages() {
        ObjectNode real = fairness(5000, 0.30, 3e-9);
        List<Finding> f = breaching("fairness.disparate-impact", real);
        assertEquals(List.of("sex=female"), f.stream().map(Finding::subject).toList());
        assertEquals(List.of("sex=female"), breaching("fairness.statistical-parity", real).stream().map(Finding::subject).toList());
        String text = Explanations.of(rule("fairness.disparate-impact"), f.get(0), new ResultContext("m", KEY, "fairness", 1, real));
        assertTrue(text.contains("p = 0.000000003 (significant)"), text);
    }

    @Test
    void alphaIsARuleOption() {
        RuleDefinition d = rule("fairness.disparate-impact").toDefinition();
        RuleDefinition lenient = new RuleDefinition(d.id(), d.path(), d.comparator(), d.threshold(), d.severity(), d.kind(),
                d.persistence(), d.requireSignificance(), d.group(), d.cooldown(), d.enabled(), d.description(), 0.2, null);
        AlertRule r = RuleValidator.validate(List.of(lenient)).rules().get(0);
        assertEquals(1, evaluator.evaluate(r, snapshot(fairness(65, 0.35, 0.143)), History.NONE).stream()
                .filter(f -> f.severity() == Severity.CRITICAL).count(), "p = 0.143 is below the rule's alpha 0.2");
    }

    @Test
    void groupWithoutPValueDoesNotPage() {
        assertEquals(List.of(), breaching("fairness.disparate-impact", fairness(20, 0.1, null)));
    }

    // --- performance: the task's metrics ---------------------------------------------------------

    @Test
    void accuracyChangeEqualToThresholdUpToNoiseTrips() {
        ObjectNode batch = performance("binary_classification", "accuracy", 0.80, 0.85, 0.01);
        assertEquals(-0.04999999999999993, batch.path("change").path("accuracy").path("absolute").asDouble());
        assertEquals(1, breaching("performance.accuracy-drop", batch).size());
    }

    @Test
    void multiclassAccuracyDrop() {
        assertEquals(1, breaching("performance.multiclass-accuracy-drop",
                performance("multiclass_classification", "accuracy", 0.70, 0.85, 0.01)).size());
        assertEquals(0, breaching("performance.multiclass-accuracy-drop",
                performance("multiclass_classification", "accuracy", 0.84, 0.85, 0.01)).size());
        assertEquals(0, breaching("performance.accuracy-drop",
                performance("multiclass_classification", "accuracy", 0.70, 0.85, 0.01)).size(), "one drop pages once");
    }

    @Test
    void multiclassMacroF1Drop() {
        assertEquals(1, breaching("performance.macro-f1-drop",
                performance("multiclass_classification", "macroF1", 0.55, 0.72, 0.02)).size());
        assertEquals(0, breaching("performance.macro-f1-drop",
                performance("multiclass_classification", "macroF1", 0.71, 0.72, 0.02)).size());
    }

    @Test
    void regressionMaeIncrease() {
        assertEquals(1, breaching("performance.mae-increase", performance("regression", "mae", 13.5, 10.0, 0.5)).size());
        assertEquals(0, breaching("performance.mae-increase", performance("regression", "mae", 10.4, 10.0, 0.5)).size());
    }

    @Test
    void regressionRmseIncrease() {
        assertEquals(1, breaching("performance.rmse-increase", performance("regression", "rmse", 19.0, 14.0, 0.8)).size());
        assertEquals(0, breaching("performance.rmse-increase", performance("regression", "rmse", 14.5, 14.0, 0.8)).size());
    }

    // --- drift and data quality ------------------------------------------------------------------

    @Test
    void predictionDrift() {
        assertEquals(1, breaching("drift.prediction", drift(true, 0.0)).size());
        assertEquals(0, breaching("drift.prediction", drift(false, 0.0)).size());
    }

    @Test
    void multivariateDriftWarnsAndNamesTheContributors() {
        ObjectNode broken = drift(false, 0.0);
        broken.putObject("multivariate").put("method", "pca_reconstruction").put("value", 1.185).put("lower", 0.756)
                .put("upper", 0.878).put("drifted", true).putArray("contributors").add("x2").add("x1").add("x3");
        List<Finding> f = breaching("drift.multivariate", broken);
        assertEquals(List.of(Severity.WARNING), severities(f));
        assertEquals(null, f.get(0).subject(), "one model-wide figure");
        String text = Explanations.of(rule("drift.multivariate"), f.get(0), new ResultContext("m", KEY, "drift", 1, broken));
        assertEquals("The features' joint distribution changed: the PCA reconstruction error is 1.185, above the reference "
                + "band [0.756, 0.878]; it grew most in x2, x1 and x3.", text);

        ObjectNode stable = drift(false, 0.0);
        stable.putObject("multivariate").put("method", "pca_reconstruction").put("value", 0.83).put("lower", 0.756)
                .put("upper", 0.878).put("drifted", false).putArray("contributors");
        assertEquals(List.of(), breaching("drift.multivariate", stable));
        assertEquals(List.of(), breaching("drift.multivariate", drift(false, 0.0)), "no multivariate part, no finding");
    }

    @Test
    void segmentDriftOpensOneAlertPerBatchNamingTheSegment() {
        ObjectNode result = drift(false, 0.0);
        ArrayNode segments = result.putArray("segments");
        segment(segments, "region=north", 2000, true);
        segment(segments, "region=east", 4000, false);
        List<Finding> f = breaching("drift.segments", result);
        assertEquals(List.of("income in region=north"), f.stream().map(Finding::subject).toList());
        assertEquals(List.of(Severity.INFO), severities(f));
        assertTrue(rule("drift.segments").groupByBatch(), "one alert per batch, listing the segments' features");
        String text = Explanations.ofGroup(rule("drift.segments"), f, new ResultContext("m", KEY, "drift", 1, result));
        assertTrue(text.contains("income in region=north (In region=north (2,000 rows): income's median moved"), text);
        assertEquals(List.of(), breaching("drift.segments", drift(false, 0.0)), "no segments, no finding");
    }

    private static void segment(ArrayNode segments, String label, int rows, boolean drifted) {
        ObjectNode s = segments.addObject().put("segment", label).put("rows", rows).put("driftShare", drifted ? 0.5 : 0.0);
        s.putArray("features").addObject().put("feature", "income").put("psi", drifted ? 0.31 : 0.01)
                .put("adjustedPValue", drifted ? 1e-9 : 0.8).put("drifted", drifted)
                .put("explanation", "In " + label + String.format(" (%,d rows): ", rows) + "income's median moved");
    }

    @Test
    void domainClassifierDriftWarnsAndNamesWhatTheClassifierLeantOn() {
        ObjectNode broken = drift(false, 0.0);
        broken.putObject("domainClassifier").put("method", "domain_classifier").put("value", 0.81).put("lower", 0.49)
                .put("upper", 0.55).put("drifted", true).putArray("contributors").add("x2").add("x1");
        List<Finding> f = breaching("drift.domain-classifier", broken);
        assertEquals(List.of(Severity.WARNING), severities(f));
        assertEquals(null, f.get(0).subject(), "one model-wide figure");
        String text = Explanations.of(rule("drift.domain-classifier"), f.get(0),
                new ResultContext("m", KEY, "drift", 1, broken));
        assertEquals("A classifier tells this batch from the reference with cross-validated AUC 0.81, above the upper "
                + "edge 0.55 of the reference-against-reference band; it leant most on x2 and x1.", text);
        assertEquals(List.of(), breaching("drift.multivariate", broken), "the PCA rule reads its own part only");

        ObjectNode stable = drift(false, 0.0);
        stable.putObject("domainClassifier").put("method", "domain_classifier").put("value", 0.51).put("lower", 0.49)
                .put("upper", 0.55).put("drifted", false).putArray("contributors");
        assertEquals(List.of(), breaching("drift.domain-classifier", stable));
        assertEquals(List.of(), breaching("drift.domain-classifier", drift(false, 0.0)), "check off: no finding");
    }

    @Test
    void unseenCategories() {
        assertEquals(List.of("purpose"), breaching("data_quality.unseen-categories", drift(false, 0.12)).stream()
                .map(Finding::subject).toList());
        assertEquals(1, breaching("data_quality.unseen-categories", drift(false, 0.02)).size(), "above 1%");
        ObjectNode result = drift(false, 0.12);
        ((ObjectNode) result.path("dataQuality").get(0)).putArray("unseenCategories").add("boat").add("plane");
        Finding f = breaching("data_quality.unseen-categories", result).get(0);
        String text = Explanations.of(rule("data_quality.unseen-categories"), f, new ResultContext("m", KEY, "drift", 1, result));
        assertTrue(text.startsWith("12% of purpose's values are categories never seen in the reference, most often "
                + "\"boat\", \"plane\"."), text);
        assertEquals(0, breaching("data_quality.unseen-categories", drift(false, 0.008)).size());
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static List<Severity> severities(List<Finding> findings) {
        return findings.stream().map(Finding::severity).toList();
    }

    private List<Finding> breaching(String ruleId, ObjectNode result) {
        AlertRule r = rule(ruleId);
        if (!r.appliesToTask(result.path("task").asText(null))) {
            return List.of();
        }
        return evaluator.evaluate(r, snapshot(result), History.NONE).stream().filter(Finding::persisted).toList();
    }

    private static AlertRule rule(String id) {
        return DefaultRules.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static Snapshot snapshot(ObjectNode result) {
        return Snapshot.of(KEY, 1, ResultFlattener.flatten(result));
    }

    private static ObjectNode head(String kind) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("kind", kind).put("schemaVersion", 1).put("modelId", "m").put("batchId", "b1").put("revision", 1)
                .put("at", T0.toString());
        return n;
    }

    /** Attribute sex: male (reference, rate 0.5) and female, both of {@code count} rows. */
    private static ObjectNode fairness(int count, double femaleRate, Double pValue) {
        ObjectNode n = head("fairness");
        ObjectNode a = n.putArray("attributes").addObject().put("attribute", "sex").put("referenceGroup", "male")
                .put("demographicParityRatio", femaleRate / 0.5);
        ArrayNode groups = a.putArray("groups");
        groups.addObject().put("group", "male").put("count", count).put("selectionRate", 0.5);
        ObjectNode female = groups.addObject().put("group", "female").put("count", count).put("selectionRate", femaleRate)
                .put("statisticalParityDifference", femaleRate - 0.5).put("disparateImpactRatio", femaleRate / 0.5);
        if (pValue != null) {
            female.put("pValue", pValue);
        }
        a.put("explanation", "Selection rate for sex=female is " + femaleRate + " against 0.5 for sex=male.");
        return n;
    }

    /** One metric now and at baseline, with its change and a ±halfWidth interval. */
    private static ObjectNode performance(String task, String metric, double now, double baseline, double halfWidth) {
        ObjectNode n = head("performance").put("task", task).put("labeledRows", 1000).put("labelCoverage", 1.0);
        n.putObject("metrics").put(metric, now);
        n.putObject("baseline").put(metric, baseline);
        n.putObject("change").putObject(metric).put("absolute", now - baseline).put("relative", (now - baseline) / baseline);
        n.putObject("intervals").putObject(metric).put("low", now - halfWidth).put("high", now + halfWidth);
        return n;
    }

    private static ObjectNode drift(boolean predictionDrifted, double unseenShare) {
        ObjectNode n = head("drift").put("driftShare", 0.0).put("datasetDrift", false).put("driftedFeatures", 0);
        n.putObject("prediction").put("statistic", predictionDrifted ? 0.3 : 0.01).put("pValue", predictionDrifted ? 1e-8 : 0.7)
                .put("drifted", predictionDrifted);
        n.putArray("dataQuality").addObject().put("column", "purpose").put("type", "categorical")
                .put("referenceMissingShare", 0.0).put("missingShare", 0.0).put("missingShareChange", 0.0)
                .put("unseenCategoryShare", unseenShare);
        return n;
    }
}
