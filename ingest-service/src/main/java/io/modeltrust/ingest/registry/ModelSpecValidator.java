package io.modeltrust.ingest.registry;

import io.modeltrust.ingest.upload.ClassValues;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.DriftSettings;
import io.modeltrust.model.spec.FairnessSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a model spec and lists every problem at once, so a producer fixes them in one round. */
public final class ModelSpecValidator {

    /** Multiclass models are taken only once every service computes them. */
    static final boolean MULTICLASS_ENABLED = true;

    public static final String MODEL_ID_PATTERN = "[a-z0-9][a-z0-9._-]{0,62}";
    public static final Pattern MODEL_ID = Pattern.compile(MODEL_ID_PATTERN);

    private ModelSpecValidator() {
    }

    public static List<String> problems(ModelSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            return List.of("the body must be a model spec object");
        }
        if (spec.task() == null) {
            problems.add("task must be binary_classification, multiclass_classification or regression");
        }
        checkClasses(spec, problems);
        if (spec.features() == null || spec.features().isEmpty()) {
            problems.add("features must list at least one feature");
        } else if (spec.features().size() > MAX_FEATURES) {
            problems.add("features lists " + spec.features().size() + " features; a model has at most " + MAX_FEATURES);
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
            checkLength(f.name(), problems);
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
        spec.scoresOrEmpty().forEach((cls, column) -> checkRole(column, "score of class " + cls, featureNames, roleOf,
                problems));
        checkSensitive(spec, featureNames, roleOf, problems);
        checkDrift(spec.drift(), spec.featuresOrEmpty().size(), problems);
        checkSegments(spec, problems);
        return problems;
    }

    private static void checkClasses(ModelSpec spec, List<String> problems) {
        Task task = spec.task();
        List<String> classes = spec.classesOrEmpty();
        if (task == Task.MULTICLASS_CLASSIFICATION) {
            checkMulticlass(spec, problems);
            return;
        }
        if (!spec.scoresOrEmpty().isEmpty()) {
            problems.add("scores (one column per class) is for multiclass models; a binary model names one score column");
        }
        if (task == Task.REGRESSION && !classes.isEmpty()) {
            problems.add("classes are for classification models");
        }
        if (task != Task.BINARY_CLASSIFICATION || spec.classes() == null) {
            return;
        }
        if (classes.size() != 2 || classes.stream().anyMatch(ModelSpecValidator::blank)) {
            problems.add("classes of a binary model must be two non-empty values, e.g. [\"0\", \"1\"]");
            return;
        }
        if (ClassValues.sameClass(classes.get(0), classes.get(1))) {
            problems.add("classes " + classes + " are one class: they match as equal numbers");
        }
        String positive = blank(spec.positiveClass()) ? "1" : spec.positiveClass();
        if (classes.stream().noneMatch(c -> ClassValues.sameClass(c, positive))) {
            problems.add("positiveClass " + positive + " is none of the classes " + classes);
        }
        String favorable = spec.fairnessOrDefaults().favorableClass();
        if (favorable != null && classes.stream().noneMatch(c -> ClassValues.sameClass(c, favorable))) {
            problems.add("fairness.favorableClass " + favorable + " is none of the classes " + classes);
        }
    }

    private static void checkMulticlass(ModelSpec spec, List<String> problems) {
        if (!MULTICLASS_ENABLED) {
            problems.add("task multiclass_classification is not supported yet: performance and fairness would"
                    + " read it as binary; register it when a release supports it");
            return;
        }
        List<String> classes = spec.classesOrEmpty();
        if (classes.size() < 3 || classes.stream().anyMatch(ModelSpecValidator::blank)) {
            problems.add("classes of a multiclass model are required: at least three non-empty values");
            return;
        }
        for (int i = 0; i < classes.size(); i++) {
            for (int j = i + 1; j < classes.size(); j++) {
                if (ClassValues.sameClass(classes.get(i), classes.get(j))) {
                    problems.add("classes " + classes.get(i) + " and " + classes.get(j) + " are one class");
                }
            }
        }
        if (spec.score() != null) {
            problems.add("a multiclass model names a score column per class in scores, not one score column");
        }
        if (!spec.scoresOrEmpty().isEmpty() && !spec.scoresOrEmpty().keySet().equals(new HashSet<>(classes))) {
            problems.add("scores must map every class, and only the classes, to a column: " + spec.scoresOrEmpty().keySet());
        }
        if (spec.positiveClass() != null) {
            problems.add("positiveClass is for binary models; a multiclass model's fairness uses fairness.favorableClass");
        }
        String favorable = spec.fairnessOrDefaults().favorableClass();
        if (!spec.sensitiveOrEmpty().isEmpty()
                && (favorable == null || classes.stream().noneMatch(c -> ClassValues.sameClass(c, favorable)))) {
            problems.add("fairness.favorableClass must name one of the classes " + classes
                    + ": the selection rate is the share predicted as that class");
        }
    }

    /** Column names are keys of results, series and alert subjects; an index key holds at most a few kB. */
    static final int MAX_COLUMN_NAME = 200;

    /** Every result carries every feature; beyond this a drift result outgrows one Kafka record (docs/model-spec.md). */
    public static final int MAX_FEATURES = 1000;

    /**
     * A name must be one a CSV header can carry and one that stays itself in every store: no control
     * characters (PostgreSQL text refuses NUL), no edge whitespace and Unicode NFC, so that "income" and
     * "income " or an NFC and an NFD spelling can never be two columns of one model.
     */
    private static void checkLength(String column, List<String> problems) {
        if (column == null) {
            return;
        }
        String shown = printable(column);
        if (column.length() > MAX_COLUMN_NAME) {
            problems.add("column name " + shown.substring(0, Math.min(40, shown.length())) + "… has " + column.length()
                    + " characters; at most " + MAX_COLUMN_NAME);
        }
        if (column.chars().anyMatch(ModelSpecValidator::isControl)) {
            problems.add("column name " + shown + " holds a control character (such as NUL or a line break)");
        } else if (!column.strip().equals(column)) {
            problems.add("column name \"" + shown + "\" starts or ends with whitespace");
        } else if (!Normalizer.isNormalized(column, Normalizer.Form.NFC)) {
            problems.add("column name " + shown + " is not in Unicode NFC form; send it as "
                    + Normalizer.normalize(column, Normalizer.Form.NFC));
        }
    }

    static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** The name with control characters shown as \\uXXXX, for a problem text. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), 80));
        name.chars().limit(80).forEach(c -> {
            if (isControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private static void checkRole(String column, String role, Set<String> features, Map<String, String> roleOf,
                                  List<String> problems) {
        if (blank(column)) {
            return;
        }
        checkLength(column, problems);
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
            if (!features.contains(s)) {
                checkLength(s, problems);
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

    /** The domain classifier reads the PCA reconstruction's encodings, which need two features (docs/metrics.md). */
    static final int DOMAIN_CLASSIFIER_MIN_FEATURES = 2;

    private static void checkDrift(DriftSettings drift, int features, List<String> problems) {
        if (drift == null) {
            return;
        }
        if (drift.numericTest() != null && !DriftSettings.NUMERIC_TESTS.contains(drift.numericTest())) {
            problems.add("drift.numericTest must be one of " + String.join(", ", DriftSettings.NUMERIC_TESTS));
        }
        if (drift.categoricalTest() != null && !DriftSettings.CATEGORICAL_TESTS.contains(drift.categoricalTest())) {
            problems.add("drift.categoricalTest must be one of " + String.join(", ", DriftSettings.CATEGORICAL_TESTS));
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
        if (drift.domainClassifierOn() && features < DOMAIN_CLASSIFIER_MIN_FEATURES) {
            problems.add("drift.domainClassifier needs at least " + DOMAIN_CLASSIFIER_MIN_FEATURES
                    + " features: it compares the features' joint distribution");
        }
        checkReference(drift.reference(), problems);
    }

    /** Segment columns per model: each one multiplies the drift comparisons of a batch by up to maxSegments. */
    public static final int MAX_SEGMENT_COLUMNS = 5;

    private static void checkSegments(ModelSpec spec, List<String> problems) {
        List<String> segments = spec.segmentsOrEmpty();
        if (segments.size() > MAX_SEGMENT_COLUMNS) {
            problems.add("segments lists " + segments.size() + " columns; a model has at most " + MAX_SEGMENT_COLUMNS);
        }
        Set<String> seen = new java.util.HashSet<>();
        for (String s : segments) {
            if (blank(s)) {
                problems.add("segments entries must be column names");
                continue;
            }
            if (!seen.add(s)) {
                problems.add("segments names " + s + " twice");
            }
            ColumnType type = typeOf(spec, s);
            boolean sensitive = spec.sensitiveOrEmpty().contains(s);
            if (type == null && !sensitive) {
                problems.add("segments names " + s + ", which is neither a feature nor a sensitive attribute");
            } else if (type == ColumnType.NUMERIC) {
                problems.add("segments names " + s + ", a numeric feature; a segment column must be categorical");
            }
        }
        DriftSettings drift = spec.drift();
        if (drift != null && drift.minSegmentRows() != null && drift.minSegmentRows() < 1) {
            problems.add("drift.minSegmentRows must be at least 1");
        }
        if (drift != null && drift.maxSegments() != null
                && (drift.maxSegments() < 1 || drift.maxSegments() > DriftSettings.MAX_SEGMENTS_LIMIT)) {
            problems.add("drift.maxSegments must be between 1 and " + DriftSettings.MAX_SEGMENTS_LIMIT);
        }
    }

    /** drift.reference: a mode, and for previous and both how many batches, 1..MAX_BATCHES (docs/model-spec.md). */
    private static void checkReference(DriftSettings.ReferenceWindow reference, List<String> problems) {
        if (reference == null) {
            return;
        }
        int max = DriftSettings.ReferenceWindow.MAX_BATCHES;
        if (reference.mode() == null || !DriftSettings.ReferenceWindow.MODES.contains(reference.mode())) {
            problems.add("drift.reference.mode must be one of " + String.join(", ", DriftSettings.ReferenceWindow.MODES));
        } else if (!reference.usesWindow()) {
            if (reference.batches() != null) {
                problems.add("drift.reference.batches applies to modes previous and both only, not fixed");
            }
        } else if (reference.batches() == null || reference.batches() < 1 || reference.batches() > max) {
            problems.add("drift.reference.batches must be a whole number from 1 to " + max + " for mode "
                    + reference.mode());
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

    /**
     * The spec as stored: a binary model without positiveClass gets "1", and the positive class is spelt
     * as among its declared classes ("1.0" against classes ["0", "1"] is stored as "1").
     */
    public static ModelSpec normalised(ModelSpec spec) {
        if (spec.task() == Task.MULTICLASS_CLASSIFICATION) {
            return withDeclaredFavorableClass(spec);
        }
        if (spec.task() == Task.BINARY_CLASSIFICATION && spec.classes() != null) {
            spec = withDeclaredFavorableClass(spec);
        }
        if (spec.task() != Task.BINARY_CLASSIFICATION) {
            return spec;
        }
        String positive = blank(spec.positiveClass()) ? "1" : spec.positiveClass();
        for (String c : spec.classesOrEmpty()) {
            if (ClassValues.sameClass(c, positive)) {
                positive = c;
            }
        }
        return spec.withClasses(spec.classes(), positive);
    }

    /** fairness.favorableClass "2.0" of classes ["0", "1", "2"] is stored as "2", the spelling results use. */
    private static ModelSpec withDeclaredFavorableClass(ModelSpec spec) {
        FairnessSettings f = spec.fairness();
        if (f == null || f.favorableClass() == null) {
            return spec;
        }
        for (String c : spec.classesOrEmpty()) {
            if (ClassValues.sameClass(c, f.favorableClass()) && !c.equals(f.favorableClass())) {
                FairnessSettings declared = new FairnessSettings(f.minGroupSize(), f.intersections(), f.buckets(),
                        f.positiveLabel(), c);
                return new ModelSpec(spec.task(), spec.features(), spec.prediction(), spec.score(), spec.label(),
                        spec.positiveClass(), spec.sensitive(), spec.privileged(), spec.id(), spec.timestamp(),
                        spec.drift(), declared, spec.classes(), spec.scores(), spec.segments());
            }
        }
        return spec;
    }
}
