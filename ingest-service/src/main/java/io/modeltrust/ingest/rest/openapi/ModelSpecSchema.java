package io.modeltrust.ingest.rest.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What each field of the model spec means (docs/api.md, Models; docs/model-spec.md), laid over the schemas the
 * scanner derives from shared-model's records, so the field names and types stay those of the code. The
 * OpenAPI test fails when a spec field has no description here.
 */
public final class ModelSpecSchema {

    static final Map<String, String> SCHEMAS = Map.of(
            "ModelSpec", "A monitored model: its task and the roles of the columns of its uploads. Column names must be "
                    + "unique across all roles. docs/model-spec.md has the rules for classes, values and changes.",
            "FeatureSpec", "One model input column",
            "DriftSettings", "Overrides of the drift decision rule; absent fields take the defaults",
            "ReferenceWindow", "What production batches are compared with (docs/model-spec.md drift.reference)",
            "FairnessSettings", "Fairness options");

    static final Map<String, Map<String, String>> FIELDS = Map.of(
            "ModelSpec", Map.ofEntries(
                    Map.entry("task", "What the model predicts; decides which performance metrics apply"),
                    Map.entry("features", "At least one input column"),
                    Map.entry("prediction", "The prediction column"),
                    Map.entry("score", "Binary: the column of the predicted probability of the positive class, a number "
                            + "in [0, 1]. A multiclass model uses scores"),
                    Map.entry("label", "The ground-truth column"),
                    Map.entry("positiveClass", "Binary only; default \"1\". Must match one of classes"),
                    Map.entry("classes", "The label values, as strings. Binary: exactly two; the first reference upload "
                            + "fixes them when absent. Multiclass: required, at least three, in the order results list them"),
                    Map.entry("scores", "Multiclass: {class: column}, one probability column per class; each row's scores "
                            + "sum to 1 within 0.001"),
                    Map.entry("sensitive", "Columns for fairness. One that is not a feature is categorical unless "
                            + "fairness.buckets gives it edges"),
                    Map.entry("privileged", "Per sensitive attribute, the reference group for fairness"),
                    Map.entry("id", "The row id column; needed for delayed labels"),
                    Map.entry("timestamp", "A time column, carried but not analysed"),
                    Map.entry("drift", "Overrides of the drift decision rule"),
                    Map.entry("segments", "Up to 5 categorical features or sensitive attributes; each of their values' "
                            + "rows is compared with the reference rows of the same value (drift segments[])"),
                    Map.entry("fairness", "Fairness options")),
            "FeatureSpec", Map.of(
                    "name", "The column name in uploaded data",
                    "type", "How the column is stored and tested"),
            "DriftSettings", Map.of(
                    "numericTest", "Test whose p-value decides numeric features: ks (the default), cramer_von_mises "
                            + "or anderson_darling",
                    "categoricalTest", "Test whose p-value decides categorical features: chi2 (the default) or g_test",
                    "alpha", "Significance level, 0 < alpha < 1; default 0.05",
                    "psiThreshold", "PSI at or above which a feature drifts, >= 0; default 0.1",
                    "datasetDriftShare", "Share of drifted features at which the dataset drifts, in (0, 1]; default 0.5",
                    "minSegmentRows", "Rows a segment needs on both sides to be compared, >= 1; default 200",
                    "maxSegments", "Segments compared per segment column, the largest in the reference, 1 to 50; "
                            + "default 10",
                    "domainClassifier", "true adds the domain-classifier check (result field domainClassifier): a "
                            + "classifier's cross-validated AUC of batch against reference, with a band from "
                            + "reference-against-reference splits; needs two features or more; applies from the next "
                            + "reference upload; default false",
                    "reference", "What production batches are compared with: the fixed reference (the default), the "
                            + "previous batches, or both"),
            "ReferenceWindow", Map.of(
                    "mode", "fixed (the default): the model's reference upload; previous: the previous `batches` "
                            + "production batches pooled; both: fixed at the top level of a result and previous in its "
                            + "previous section",
                    "batches", "Previous and both only, required: how many previous production batches are pooled, "
                            + "1 to 50"),
            "FairnessSettings", Map.of(
                    "minGroupSize", "Smallest group that takes part in between-group figures, >= 1; default 30",
                    "intersections", "Pairs of sensitive attributes to analyse together, e.g. [[\"sex\", \"age_band\"]]",
                    "buckets", "{attribute: [edges...]}, strictly increasing, for numeric sensitive attributes",
                    "positiveLabel", "The word for a positive decision in explanations, e.g. \"Approval\"",
                    "favorableClass", "The class whose prediction is the favourable decision; defaults to positiveClass, "
                            + "required for a multiclass model with sensitive attributes"));

    static final Map<String, List<String>> REQUIRED = Map.of(
            "ModelSpec", List.of("task", "features", "prediction"),
            "FeatureSpec", List.of("name", "type"));

    private ModelSpecSchema() {
    }

    static void describe(Components components) {
        if (components == null || components.getSchemas() == null) {
            return;
        }
        FIELDS.forEach((name, fields) -> {
            Schema schema = components.getSchemas().get(name);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            schema.setDescription(SCHEMAS.get(name));
            fields.forEach((field, text) -> {
                Schema property = schema.getProperties().get(field);
                if (property != null && property.getDescription() == null) {
                    property.setDescription(text);
                }
            });
            REQUIRED.getOrDefault(name, List.of()).forEach(schema::addRequired);
        });
    }
}
