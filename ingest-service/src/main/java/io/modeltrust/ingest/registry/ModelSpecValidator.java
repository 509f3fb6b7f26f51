package io.modeltrust.ingest.registry;

import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.DriftSettings;
import io.modeltrust.model.spec.FairnessSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a model spec and lists every problem at once, so a producer fixes them in one round. */
public final class ModelSpecValidator {

    public static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private ModelSpecValidator() {
    }

    public static List<String> problems(ModelSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            return List.of("the body must be a model spec object");
        }
        if (spec.task() == null) {
            problems.add("task must be binary_classification or regression");
        }
        if (spec.features() == null || spec.features().isEmpty()) {
            problems.add("features must list at least one feature");
        }
        Map<String, String> roleOf = new HashMap<>();
        Set<String> featureNames = new HashSet<>();
        for (FeatureSpec f : spec.featuresOrEmpty()) {
            if (f == null || blank(f.name())) {
                problems.add("every feature needs a name");
                continue;
            }
            if (f.type() == null) {
                problems.add("feature " + f.name() + ": type must be numeric or categorical");
            }
            if (!featureNames.add(f.name())) {
                problems.add("duplicate column name " + f.name());
            }
        }
        if (blank(spec.prediction())) {
            problems.add("prediction must name the prediction column");
        }
        checkRole(spec.prediction(), "prediction", featureNames, roleOf, problems);
        checkRole(spec.score(), "score", featureNames, roleOf, problems);
        checkRole(spec.label(), "label", featureNames, roleOf, problems);
        checkRole(spec.id(), "id", featureNames, roleOf, problems);
        checkRole(spec.timestamp(), "timestamp", featureNames, roleOf, problems);
        checkSensitive(spec, featureNames, roleOf, problems);
        checkDrift(spec.drift(), problems);
        return problems;
    }

    private static void checkRole(String column, String role, Set<String> features, Map<String, String> roleOf,
                                  List<String> problems) {
        if (blank(column)) {
            return;
        }
        if (features.contains(column)) {
            problems.add(role + " column " + column + " is also a feature");
        }
        String other = roleOf.putIfAbsent(column, role);
        if (other != null) {
            problems.add("duplicate column name " + column + " (" + other + " and " + role + ")");
        }
    }

    private static void checkSensitive(ModelSpec spec, Set<String> features, Map<String, String> roleOf,
                                       List<String> problems) {
        FairnessSettings fairness = spec.fairnessOrDefaults();
        Map<String, List<Double>> buckets = fairness.bucketsOrEmpty();
        Set<String> sensitive = new HashSet<>();
        for (String s : spec.sensitiveOrEmpty()) {
            if (blank(s)) {
                problems.add("sensitive attributes need names");
                continue;
            }
            if (!sensitive.add(s)) {
                problems.add("duplicate sensitive attribute " + s);
            }
            if (roleOf.containsKey(s)) {
                problems.add("sensitive attribute " + s + " is also the " + roleOf.get(s) + " column");
            }
            ColumnType type = features.contains(s) ? typeOf(spec, s) : ColumnType.CATEGORICAL;
            if (type == ColumnType.NUMERIC && !buckets.containsKey(s)) {
                problems.add("sensitive attribute " + s + " is numeric: give fairness.buckets." + s
                        + " edges or declare it categorical");
            }
        }
        for (String key : spec.privilegedOrEmpty().keySet()) {
            if (!sensitive.contains(key)) {
                problems.add("privileged value given for " + key + ", which is not a sensitive attribute");
            }
        }
        if (fairness.minGroupSize() != null && fairness.minGroupSize() < 1) {
            problems.add("fairness.minGroupSize must be at least 1");
        }
        for (List<String> pair : fairness.intersectionsOrEmpty()) {
            if (pair == null || pair.size() != 2 || !sensitive.containsAll(pair) || pair.get(0).equals(pair.get(1))) {
                problems.add("fairness.intersections entries must be pairs of two different sensitive attributes: " + pair);
            }
        }
        for (Map.Entry<String, List<Double>> e : buckets.entrySet()) {
            if (!sensitive.contains(e.getKey())) {
                problems.add("fairness.buckets." + e.getKey() + " is not a sensitive attribute");
            }
            List<Double> edges = e.getValue();
            for (int i = 1; edges != null && i < edges.size(); i++) {
                if (edges.get(i) == null || edges.get(i - 1) == null || edges.get(i) <= edges.get(i - 1)) {
                    problems.add("fairness.buckets." + e.getKey() + " edges must be strictly increasing numbers");
                    break;
                }
            }
            if (edges == null || edges.isEmpty()) {
                problems.add("fairness.buckets." + e.getKey() + " needs at least one edge");
            }
        }
    }

    private static void checkDrift(DriftSettings drift, List<String> problems) {
        if (drift == null) {
            return;
        }
        if (drift.numericTest() != null && !drift.numericTest().equals("ks")) {
            problems.add("drift.numericTest must be ks");
        }
        if (drift.categoricalTest() != null && !drift.categoricalTest().equals("chi2")) {
            problems.add("drift.categoricalTest must be chi2");
        }
        if (drift.alpha() != null && !(drift.alpha() > 0 && drift.alpha() < 1)) {
            problems.add("drift.alpha must be between 0 and 1");
        }
        if (drift.psiThreshold() != null && !(drift.psiThreshold() >= 0)) {
            problems.add("drift.psiThreshold must be zero or more");
        }
        if (drift.datasetDriftShare() != null && !(drift.datasetDriftShare() > 0 && drift.datasetDriftShare() <= 1)) {
            problems.add("drift.datasetDriftShare must be in (0, 1]");
        }
    }

    private static ColumnType typeOf(ModelSpec spec, String feature) {
        for (FeatureSpec f : spec.featuresOrEmpty()) {
            if (f != null && feature.equals(f.name())) {
                return f.type();
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The spec as stored: a binary model without positiveClass gets "1". */
    public static ModelSpec normalised(ModelSpec spec) {
        if (spec.task() == Task.BINARY_CLASSIFICATION && blank(spec.positiveClass())) {
            return new ModelSpec(spec.task(), spec.features(), spec.prediction(), spec.score(), spec.label(), "1",
                    spec.sensitive(), spec.privileged(), spec.id(), spec.timestamp(), spec.drift(), spec.fairness());
        }
        return spec;
    }
}
