package io.modeltrust.ingest.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.model.Json;
import io.modeltrust.model.spec.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSpecValidatorTest {

    private static ModelSpec spec(String json) {
        return Json.fromString(json, ModelSpec.class);
    }

    @Test
    void theContractExampleIsValid() {
        ModelSpec spec = spec("""
                {"task":"binary_classification","features":[{"name":"income","type":"numeric"},
                 {"name":"purpose","type":"categorical"}],"prediction":"approved","score":"score","label":"defaulted",
                 "positiveClass":"1","sensitive":["sex","age_band"],"privileged":{"sex":"male"},
                 "id":"application_id","timestamp":"decided_at"}""");
        assertEquals(List.of(), ModelSpecValidator.problems(spec));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        ModelSpec spec = spec("""
                {"task":"clustering","features":[{"name":"income","type":"numeric"},{"name":"income","type":"numeric"},
                 {"name":"age","type":"numeric"}],"prediction":"income","label":"income2","id":"income2",
                 "sensitive":["age"],"privileged":{"sex":"male"}}""");
        List<String> problems = ModelSpecValidator.problems(spec);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("task")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("duplicate column name income")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("prediction column income is also a feature")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("income2 (label and id)")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("sensitive attribute age is numeric")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("privileged value given for sex")), problems::toString);
        assertEquals(6, problems.size(), problems::toString);
    }

    @Test
    void namesACsvHeaderCouldNeverCarryAreRefused() {
        String nfd = "cafe\u0301";
        ModelSpec spec = spec("""
                {"task":"binary_classification","features":[{"name":"inc\\u0000ome","type":"numeric"},
                 {"name":"income ","type":"numeric"},{"name":"%s","type":"categorical"},{"name":"ok","type":"numeric"}],
                 "prediction":"appro\\nved"}""".formatted(nfd));
        List<String> problems = ModelSpecValidator.problems(spec);
        assertTrue(problems.stream().anyMatch(p -> p.contains("inc\\u0000ome holds a control character")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("\"income \" starts or ends with whitespace")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("is not in Unicode NFC form")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("appro\\u000aved holds a control character")), problems::toString);
        assertEquals(4, problems.size(), problems::toString);
    }

    @Test
    void aModelHasAtMostAThousandFeatures() {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            features.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i).append("\",\"type\":\"numeric\"}");
        }
        List<String> problems = ModelSpecValidator.problems(spec("{\"task\":\"regression\",\"features\":[" + features
                + "],\"prediction\":\"y\"}"));
        assertEquals(List.of("features lists 5000 features; a model has at most 1000"), problems);
    }

    @Test
    void driftTestsAreOneOfTheBuiltOnes() {
        String base = """
                {"task":"binary_classification","features":[{"name":"income","type":"numeric"}],"prediction":"p",
                 "drift":%s}""";
        for (String numeric : List.of("ks", "cramer_von_mises", "anderson_darling")) {
            for (String categorical : List.of("chi2", "g_test")) {
                String drift = "{\"numericTest\":\"" + numeric + "\",\"categoricalTest\":\"" + categorical + "\"}";
                assertEquals(List.of(), ModelSpecValidator.problems(spec(base.formatted(drift))), drift);
            }
        }
        List<String> problems = ModelSpecValidator.problems(spec(base.formatted(
                "{\"numericTest\":\"cvm\",\"categoricalTest\":\"G-test\"}")));
        assertEquals(List.of("drift.numericTest must be one of ks, cramer_von_mises, anderson_darling",
                "drift.categoricalTest must be one of chi2, g_test"), problems);
    }

    @Test
    void segmentsAreCategoricalFeaturesOrSensitiveAttributesWithinTheirLimits() {
        String base = """
                {"task":"binary_classification",
                 "features":[{"name":"income","type":"numeric"},{"name":"region","type":"categorical"}],
                 "prediction":"approved","sensitive":["sex"],"segments":%s,"drift":%s}""";
        assertEquals(List.of(), ModelSpecValidator.problems(spec(base.formatted("[\"region\", \"sex\"]",
                "{\"minSegmentRows\":50,\"maxSegments\":20}"))));
        assertEquals(List.of("segments names income, a numeric feature; a segment column must be categorical",
                "segments names plan, which is neither a feature nor a sensitive attribute",
                "segments names region twice"),
                ModelSpecValidator.problems(spec(base.formatted("[\"income\", \"plan\", \"region\", \"region\"]", "{}"))));
        assertEquals(List.of("drift.minSegmentRows must be at least 1", "drift.maxSegments must be between 1 and 50"),
                ModelSpecValidator.problems(spec(base.formatted("[\"region\"]", "{\"minSegmentRows\":0,\"maxSegments\":51}"))));
        assertEquals(List.of("segments lists 6 columns; a model has at most 5"), ModelSpecValidator.problems(spec(
                base.formatted("[\"region\",\"sex\",\"a\",\"b\",\"c\",\"d\"]", "{}"))).subList(0, 1));
    }

    @Test
    void theDomainClassifierIsABooleanForModelsWithTwoFeaturesOrMore() {
        String two = """
                {"task":"regression","features":[{"name":"a","type":"numeric"},{"name":"b","type":"categorical"}],
                 "prediction":"p","drift":%s}""";
        assertEquals(List.of(), ModelSpecValidator.problems(spec(two.formatted("{\"domainClassifier\":true}"))));
        assertEquals(List.of(), ModelSpecValidator.problems(spec(two.formatted("{\"domainClassifier\":false}"))));
        assertTrue(spec(two.formatted("{\"domainClassifier\":true}")).driftOrDefaults().domainClassifierOn());
        assertEquals(Boolean.FALSE, spec(two.formatted("{}")).driftOrDefaults().domainClassifier(), "off by default");
        String one = """
                {"task":"regression","features":[{"name":"a","type":"numeric"}],"prediction":"p",
                 "drift":{"domainClassifier":true}}""";
        assertEquals(List.of("drift.domainClassifier needs at least 2 features: it compares the features' joint "
                + "distribution"), ModelSpecValidator.problems(spec(one)));
        assertEquals(List.of(), ModelSpecValidator.problems(spec(one.replace("true", "false"))));
    }

    @Test
    void theReferenceIsFixedPreviousOrBothWithOneToFiftyBatches() {
        String base = """
                {"task":"binary_classification","features":[{"name":"income","type":"numeric"}],"prediction":"p",
                 "drift":{"reference":%s}}""";
        for (String ok : List.of("{\"mode\":\"fixed\"}", "{\"mode\":\"previous\",\"batches\":1}",
                "{\"mode\":\"both\",\"batches\":50}", "{\"mode\":\"previous\",\"batches\":7}")) {
            assertEquals(List.of(), ModelSpecValidator.problems(spec(base.formatted(ok))), ok);
        }
        assertEquals(List.of("drift.reference.mode must be one of fixed, previous, both"),
                ModelSpecValidator.problems(spec(base.formatted("{\"mode\":\"rolling\",\"batches\":3}"))));
        assertEquals(List.of("drift.reference.mode must be one of fixed, previous, both"),
                ModelSpecValidator.problems(spec(base.formatted("{\"batches\":3}"))), "no mode is not guessed");
        for (String batches : List.of("0", "51", "-2", "null")) {
            assertEquals(List.of("drift.reference.batches must be a whole number from 1 to 50 for mode previous"),
                    ModelSpecValidator.problems(spec(base.formatted("{\"mode\":\"previous\",\"batches\":"
                            + batches + "}"))), batches);
        }
        assertEquals(List.of("drift.reference.batches must be a whole number from 1 to 50 for mode both"),
                ModelSpecValidator.problems(spec(base.formatted("{\"mode\":\"both\"}"))));
        assertEquals(List.of("drift.reference.batches applies to modes previous and both only, not fixed"),
                ModelSpecValidator.problems(spec(base.formatted("{\"mode\":\"fixed\",\"batches\":5}"))));
    }
}
