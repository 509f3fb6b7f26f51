package io.modeltrust.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Classes and value matching: "1.0" is class "1" and travels as "1"; a value of no class, a score that is
 * no probability, a repeated id and a reference with three label values are refused and publish nothing;
 * a model with data may not change what its data means.
 */
@QuarkusTest
class ClassesTest {

    private static final String HEADER = "application_id,income,purpose,sex,approved,score,defaulted\n";
    private static TopicProbe probe;

    @BeforeAll
    static void openProbe() {
        probe = new TopicProbe("monitoring.batches");
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    @Test
    void pandasFloatLabelsMatchTheDeclaredClassesAndTravelAsDeclared() {
        String model = CreditModelFixture.registerOnly();
        var from = probe.endOffsets();
        String referenceId = given().contentType("text/csv")
                .body(HEADER + "r1,1,car,male,1,0.9,1.0\nr2,2,car,female,0.0,0.2,0.0\nr3,3,car,male,1,0.7,\n")
                .post("/api/v1/models/" + model + "/reference").then().statusCode(201).extract().path("batchId");
        given().get("/api/v1/models/" + model).then().statusCode(200)
                .body("classes", equalTo(List.of("0", "1"))).body("positiveClass", equalTo("1"));
        AssembledBatch reference = probe.readBatch(from, batchIdOr(referenceId, from), Duration.ofSeconds(20));
        assertEquals(List.of("0", "1"), reference.header().model().classes(), "the header carries the fixed classes");
        assertEquals(List.of("1", "0", "1"), values(reference.categorical("approved").orElseThrow()));
        assertEquals(java.util.Arrays.asList("1", "0", null), values(reference.categorical("defaulted").orElseThrow()));

        from = probe.endOffsets();
        String batchId = given().contentType("text/csv").body(HEADER + "p1,1,car,male,1.0,0.9,\np2,2,car,male,0.00,0.1,\n")
                .post("/api/v1/models/" + model + "/batches").then().statusCode(202).extract().path("batchId");
        assertEquals(List.of("1", "0"), values(probe.readBatch(from, batchId, Duration.ofSeconds(20))
                .categorical("approved").orElseThrow()));
    }

    @Test
    void aValueOfNoClassIsRefusedWithRowColumnAndValue() {
        String model = CreditModelFixture.registerWithReference();
        rejected(model, "batches", HEADER + "p1,1,car,male,1,0.9,\np2,2,car,male,yes,0.1,\n")
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("approved"))
                .body("errors[0].message", containsString("'yes'"))
                .body("errors[0].message", containsString("0, 1"));
        rejected(model, "labels", "application_id,defaulted\np1,1\np2,2\n")
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("defaulted"));
    }

    @Test
    void aScoreOutsideZeroToOneIsRefused() {
        String model = CreditModelFixture.registerWithReference();
        rejected(model, "batches", HEADER + "p1,1,car,male,1,1.7,\np2,2,car,male,0,-0.01,\n")
                .body("errors[0].row", equalTo(1)).body("errors[0].column", equalTo("score"))
                .body("errors[1].row", equalTo(2)).body("totalErrors", equalTo(2));
    }

    @Test
    void repeatedIdsInOneUploadAreRefusedNamingTheRows() {
        String model = CreditModelFixture.registerWithReference();
        rejected(model, "batches", HEADER + "p1,1,car,male,1,0.9,\np2,2,car,male,0,0.1,\np1,3,car,male,0,0.1,\n")
                .body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("application_id"))
                .body("errors[0].message", containsString("row 1"));
        rejected(model, "labels", "application_id,defaulted\nq1,1\nq1,0\n").body("errors[0].row", equalTo(2));
    }

    @Test
    void aFirstReferenceWithThreeLabelValuesIsRefused() {
        String model = CreditModelFixture.registerOnly();
        rejected(model, "reference", HEADER + "r1,1,car,male,1,0.9,1\nr2,2,car,male,0,0.2,0\nr3,3,car,male,0,0.3,2\n")
                .body("detail", containsString("exactly two"));
        given().get("/api/v1/models/" + model).then().body("referenceVersion", equalTo(0));
    }

    @Test
    void declaredClassesAreMatchedAndTheirSpellingKept() {
        String model = "classes-" + System.nanoTime();
        String spec = CreditModelFixture.SPEC.replace("\"positiveClass\":\"1\"",
                "\"positiveClass\":\"1.0\",\"classes\":[\"0\",\"1\"]");
        given().contentType("application/json").body(spec).put("/api/v1/models/" + model).then().statusCode(201)
                .body("positiveClass", equalTo("1"));
        given().contentType("application/json").body(spec.replace("[\"0\",\"1\"]", "[\"1\",\"1.00\"]"))
                .put("/api/v1/models/" + model + "-x").then().statusCode(400)
                .body("detail", containsString("one class"));
        given().contentType("application/json").body(spec.replace("[\"0\",\"1\"]", "[\"0\",\"1\",\"2\"]"))
                .put("/api/v1/models/" + model + "-y").then().statusCode(400);
    }

    @Test
    void aModelWithDataRefusesChangesToItsMeaningButTakesNewFeatures() {
        String model = CreditModelFixture.registerWithReference();
        String url = "/api/v1/models/" + model;
        given().contentType("application/json").body(CreditModelFixture.SPEC).put(url).then().statusCode(200)
                .body("version", equalTo(1)).body("classes", equalTo(List.of("0", "1")));
        given().contentType("application/json").body(CreditModelFixture.SPEC.replace("binary_classification", "regression"))
                .put(url).then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("task binary_classification → regression"));
        given().contentType("application/json")
                .body(CreditModelFixture.SPEC.replace("{\"name\":\"purpose\",\"type\":\"categorical\"}", "{\"name\":\"purpose\",\"type\":\"numeric\"}"))
                .put(url).then().statusCode(409).body("errors.message", hasItem(containsString("purpose")));
        given().contentType("application/json")
                .body(CreditModelFixture.SPEC.replace(",{\"name\":\"purpose\",\"type\":\"categorical\"}", ""))
                .put(url).then().statusCode(409).body("detail", containsString("removed"));
        given().contentType("application/json")
                .body(CreditModelFixture.SPEC.replace("\"classes\"", "\"c\"").replace("\"positiveClass\":\"1\"",
                        "\"positiveClass\":\"1\",\"classes\":[\"no\",\"yes\"]"))
                .put(url).then().statusCode(400); // "1" is none of no, yes
        given().contentType("application/json")
                .body(CreditModelFixture.SPEC.replace("{\"name\":\"income\",\"type\":\"numeric\"}",
                        "{\"name\":\"income\",\"type\":\"numeric\"},{\"name\":\"tenure\",\"type\":\"numeric\"}"))
                .put(url).then().statusCode(200).body("version", equalTo(2));
    }

    private ValidatableResponse rejected(String model, String path, String csv) {
        var before = probe.endOffsets();
        ValidatableResponse r = given().contentType("text/csv").body(csv).post("/api/v1/models/" + model + "/" + path)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        assertEquals(before, probe.endOffsets(), "a refused upload publishes nothing");
        return r;
    }

    private static String batchIdOr(String id, java.util.Map<org.apache.kafka.common.TopicPartition, Long> from) {
        return id != null ? id : TopicProbe.batchIdOf(probe.recordsSince(from).get(0));
    }

    private static List<String> values(CategoricalColumn c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(c.valueAt(i));
        }
        return out;
    }
}
