package io.modeltrust.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchHeader;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.BatchSeal;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.Column;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.modeltrust.model.event.FairnessResult.AttributeResult;
import io.modeltrust.model.event.FairnessResult.GroupResult;
import io.modeltrust.model.spec.ColumnType;
import io.modeltrust.model.spec.FairnessSettings;
import io.modeltrust.model.spec.FeatureSpec;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "multiclass" case of fixtures/fairness_cases.json as a batch of a registered multiclass
 * model, and the comparison of published results with the Python figures. The prediction and label
 * columns list the classes in other orders than the model does, so a result that matches proves
 * the classes are matched by name.
 */
public final class MulticlassFixture {

    public static final List<String> CLASSES = List.of("approve", "review", "decline");
    private static final String[] PREDICTION_DICTIONARY = {"decline", "approve", "review"};
    private static final String[] LABEL_DICTIONARY = {"review", "decline", "approve"};
    private static final double REL_TOL = 1e-9;
    private static final double P_REL_TOL = 1e-4;
    private static final double P_FLOOR = 1e-10;

    public static final ModelSpec SPEC = new ModelSpec(Task.MULTICLASS_CLASSIFICATION,
            List.of(new FeatureSpec("income", ColumnType.NUMERIC), new FeatureSpec("sex", ColumnType.CATEGORICAL)),
            "decision", null, "outcome", null, List.of("sex", "age"), Map.of("sex", "male"), "application_id", null,
            null, new FairnessSettings(30, List.of(List.of("sex", "age")), Map.of("age", List.of(30.0, 50.0)), "Approval",
            "approve"), CLASSES, scores());

    public static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("income", ColumnRole.FEATURE, ColumnType.NUMERIC),
            new ColumnSpec("sex", ColumnRole.FEATURE, ColumnType.CATEGORICAL),
            new ColumnSpec("age", ColumnRole.SENSITIVE, ColumnType.NUMERIC),
            new ColumnSpec("decision", ColumnRole.PREDICTION, ColumnType.CATEGORICAL),
            new ColumnSpec("outcome", ColumnRole.LABEL, ColumnType.CATEGORICAL),
            new ColumnSpec("p_approve", ColumnRole.SCORE, ColumnType.NUMERIC),
            new ColumnSpec("p_review", ColumnRole.SCORE, ColumnType.NUMERIC),
            new ColumnSpec("p_decline", ColumnRole.SCORE, ColumnType.NUMERIC),
            new ColumnSpec("application_id", ColumnRole.ID, ColumnType.CATEGORICAL));

    public static final List<ColumnSpec> LABEL_COLUMNS = List.of(
            new ColumnSpec("application_id", ColumnRole.ID, ColumnType.CATEGORICAL),
            new ColumnSpec("outcome", ColumnRole.LABEL, ColumnType.CATEGORICAL));

    private static final JsonNode CASE = load();

    private MulticlassFixture() {
    }

    private static Map<String, String> scores() {
        Map<String, String> out = new LinkedHashMap<>();
        CLASSES.forEach(c -> out.put(c, "p_" + c));
        return out;
    }

    private static JsonNode load() {
        try (InputStream in = MulticlassFixture.class.getResourceAsStream("/fixtures/fairness_cases.json")) {
            if (in == null) {
                throw new IllegalStateException("fixtures/fairness_cases.json missing: run generate_fixtures.py");
            }
            for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
                if (c.get("name").asText().equals("multiclass")) {
                    return c;
                }
            }
            throw new IllegalStateException("fairness_cases.json has no multiclass case: run generate_fixtures.py");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode inputs() {
        return CASE.get("inputs");
    }

    /** The Python figures with the labels of the fixture's inputs. */
    public static JsonNode expected() {
        return CASE.get("expected").get("attributes");
    }

    /** The Python figures after the corrections (review and decline swapped on some rows). */
    public static JsonNode expectedCorrected() {
        return CASE.get("expected").get("corrected");
    }

    /** The explanation of the worst attribute, as Python words it. */
    public static String expectedWorstText() {
        return CASE.get("expected").get("explanations").get("worst").get("text").asText();
    }

    public static int rows() {
        return inputs().get("predictedClasses").size();
    }

    public static int[] labelClasses() {
        return ints(inputs().get("labelClasses"));
    }

    public static int[] correctionRows() {
        return ints(CASE.get("corrections").get("rows"));
    }

    public static int[] correctionClasses() {
        return ints(CASE.get("corrections").get("labelClasses"));
    }

    /** The columns of {@link #COLUMNS}: ids {@code prefix-i}, labels as in the fixture or all missing. */
    public static List<Column> columns(String prefix, boolean withLabels) {
        JsonNode in = inputs();
        int n = rows();
        int[] predicted = recode(ints(in.get("predictedClasses")), PREDICTION_DICTIONARY);
        int[] labels = withLabels ? recode(labelClasses(), LABEL_DICTIONARY) : missing(n);
        JsonNode sexNode = in.get("attributes").get(0);
        JsonNode ageNode = in.get("attributes").get(1);
        String[] sexes = new String[sexNode.get("dictionary").size()];
        for (int i = 0; i < sexes.length; i++) {
            sexes[i] = sexNode.get("dictionary").get(i).asText();
        }
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode v = ageNode.get("values").get(i);
            age[i] = v.isNull() ? Double.NaN : v.asDouble();
        }
        double[] income = new double[n];
        Arrays.fill(income, 42_000);
        List<Column> out = new ArrayList<>(List.of(new NumericColumn(income),
                new CategoricalColumn(sexes, ints(sexNode.get("codes"))), new NumericColumn(age),
                new CategoricalColumn(PREDICTION_DICTIONARY, predicted), new CategoricalColumn(LABEL_DICTIONARY, labels)));
        int[] classes = ints(in.get("predictedClasses"));
        for (int c = 0; c < CLASSES.size(); c++) {
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                score[i] = classes[i] == c ? 0.6 : 0.2;
            }
            out.add(new NumericColumn(score));
        }
        out.add(ids(prefix, n));
        return out;
    }

    /** A labels batch's columns: the given rows' ids and label classes (indices into {@link #CLASSES}). */
    public static List<Column> labelColumns(String prefix, int[] rows, int[] classes) {
        String[] ids = new String[rows.length];
        int[] codes = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            ids[k] = prefix + "-" + rows[k];
            codes[k] = classes[k];
        }
        return List.of(new CategoricalColumn(ids, identity(ids.length)),
                new CategoricalColumn(CLASSES.toArray(String[]::new), codes));
    }

    /** Rows with a known label in the fixture, and their classes. */
    public static int[][] labelledRows() {
        int[] labels = labelClasses();
        int[] rows = Arrays.stream(identity(labels.length)).filter(i -> labels[i] >= 0).toArray();
        int[] classes = Arrays.stream(rows).map(i -> labels[i]).toArray();
        return new int[][] {rows, classes};
    }

    public static AssembledBatch batch(String prefix, boolean withLabels) {
        BatchHeader header = new BatchHeader(null, 1, "e", "m", "b", BatchKind.PRODUCTION, 1, 1, SPEC, COLUMNS,
                Instant.EPOCH, Instant.EPOCH);
        return new AssembledBatch(header, new BatchSeal(null, 1, "s", "m", "b", BatchKind.PRODUCTION, rows(), 1),
                columns(prefix, withLabels));
    }

    // ---- comparison with the fixture --------------------------------------------------------

    /**
     * Every attribute of a published result against the fixture's figures. Without labels only
     * the figures that need none are compared, and the label-dependent ones must be absent.
     */
    public static void assertResultMatches(List<AttributeResult> actual, JsonNode expected, boolean labels) {
        assertEquals(expected.size(), actual.size(), "attributes");
        for (JsonNode e : expected) {
            String name = e.get("attribute").asText();
            AttributeResult a = actual.stream().filter(x -> x.attribute().equals(name)).findFirst().orElse(null);
            assertNotNull(a, "attribute " + name);
            assertEquals(e.get("referenceGroup").asText(), a.referenceGroup(), name + " reference");
            close(e.get("demographicParityDifference"), a.demographicParityDifference(), name + " dpd");
            close(e.get("demographicParityRatio"), a.demographicParityRatio(), name + " dpr");
            if (labels) {
                close(e.get("equalOpportunityDifference"), a.equalOpportunityDifference(), name + " eop");
                close(e.get("equalizedOddsDifference"), a.equalizedOddsDifference(), name + " eodds");
            } else {
                assertNull(a.equalOpportunityDifference(), name);
                assertNull(a.equalizedOddsDifference(), name);
            }
            assertEquals(e.get("groups").size(), a.groups().size(), name + " groups");
            for (JsonNode g : e.get("groups")) {
                String group = g.get("group").asText();
                GroupResult r = a.groups().stream().filter(x -> x.group().equals(group)).findFirst().orElse(null);
                assertNotNull(r, name + "=" + group);
                assertGroup(name + "=" + group, g, r, labels);
            }
        }
    }

    private static void assertGroup(String at, JsonNode g, GroupResult r, boolean labels) {
        assertEquals(g.get("count").asLong(), r.count(), at + " count");
        assertEquals(g.get("eligible").asBoolean(), r.eligible(), at + " eligible");
        close(g.get("selectionRate"), r.selectionRate(), at + " selectionRate");
        close(g.get("selectionRateLow"), r.selectionRateLow(), at + " low");
        close(g.get("selectionRateHigh"), r.selectionRateHigh(), at + " high");
        close(g.get("statisticalParityDifference"), r.statisticalParityDifference(), at + " spd");
        close(g.get("disparateImpactRatio"), r.disparateImpactRatio(), at + " dir");
        pValue(g.get("pValue"), r.pValue(), at + " pValue");
        assertEquals(g.get("test").isNull() ? null : g.get("test").asText(), r.test(), at + " test");
        if (labels) {
            assertEquals(g.get("labelled").asLong(), r.labeled(), at + " labelled");
            close(g.get("tpr"), r.tpr(), at + " tpr");
            close(g.get("fpr"), r.fpr(), at + " fpr");
            close(g.get("precision"), r.precision(), at + " precision");
            close(g.get("accuracy"), r.accuracy(), at + " accuracy");
        } else {
            assertEquals(0, r.labeled(), at);
            assertNull(r.tpr(), at);
            assertNull(r.accuracy(), at);
        }
    }

    private static void close(JsonNode expected, Double actual, String what) {
        if (expected == null || expected.isNull()) {
            assertNull(actual, what);
            return;
        }
        assertNotNull(actual, what + ": expected " + expected);
        double e = expected.asDouble();
        assertTrue(e == actual || Math.abs(e - actual) <= REL_TOL * Math.max(Math.abs(e), Math.abs(actual)),
                what + ": expected " + e + " but was " + actual);
    }

    private static void pValue(JsonNode expected, Double actual, String what) {
        if (expected == null || expected.isNull()) {
            assertNull(actual, what);
            return;
        }
        assertNotNull(actual, what);
        double e = expected.asDouble();
        if (e < P_FLOOR || actual < P_FLOOR) {
            assertTrue(e < P_FLOOR && actual < P_FLOOR, what + ": expected " + e + " but was " + actual);
        } else {
            assertTrue(Math.abs(e - actual) <= P_REL_TOL * Math.max(e, actual), what + ": expected " + e + " but was "
                    + actual);
        }
    }

    // ---- arrays ------------------------------------------------------------------------------

    static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    /** Class indices as codes into {@code dictionary} (a permutation of the classes); -1 stays. */
    private static int[] recode(int[] classes, String[] dictionary) {
        List<String> order = List.of(dictionary);
        int[] out = new int[classes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes[i] < 0 ? -1 : order.indexOf(CLASSES.get(classes[i]));
        }
        return out;
    }

    private static int[] missing(int n) {
        int[] out = new int[n];
        Arrays.fill(out, -1);
        return out;
    }

    private static CategoricalColumn ids(String prefix, int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = prefix + "-" + i;
        }
        return new CategoricalColumn(ids, identity(n));
    }

    static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
