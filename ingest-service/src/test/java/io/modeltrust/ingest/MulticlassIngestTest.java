package io.modeltrust.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.CategoricalColumn;
import io.modeltrust.model.batch.ColumnRole;
import io.modeltrust.model.batch.ColumnSpec;
import io.modeltrust.model.batch.NumericColumn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multiclass models at ingest: classes are required and matched like binary ones ("2.0" is class "2"),
 * one score column per class holds a probability and each row's scores sum to 1; anything else is a 400
 * naming row and column, and publishes nothing.
 */
@QuarkusTest
class MulticlassIngestTest {

    static final String SPEC = """
            {"task":"multiclass_classification",
             "features":[{"name":"income","type":"numeric"},{"name":"purpose","type":"categorical"}],
             "prediction":"grade","label":"true_grade","classes":["0","1","2"],
             "scores":{"0":"p0","1":"p1","2":"p2"},
             "sensitive":["sex"],"fairness":{"favorableClass":"2.0"},"id":"application_id"}""";
    private static final String HEADER = "application_id,income,purpose,sex,grade,p0,p1,p2,true_grade\n";
    private static final String REFERENCE = HEADER
            + "r1,10,car,male,0,0.7,0.2,0.1,0\n"
            + "r2,20,car,female,1.0,0.1,0.8,0.1,1\n"
            + "r3,30,house,male,2,0.05,0.15,0.8,2.0\n"
            + "r4,40,house,female,2,0.2,0.3,0.5,1\n";
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
    void aMulticlassBatchTravelsWithDeclaredClassesAndOneScoreColumnPerClass() {
        String model = register();
        given().get("/api/v1/models/" + model).then().statusCode(200)
                .body("task", equalTo("multiclass_classification"))
                .body("classes", equalTo(List.of("0", "1", "2")))
                .body("fairness.favorableClass", equalTo("2"));
        var from = probe.endOffsets();
        given().contentType("text/csv").body(REFERENCE).post("/api/v1/models/" + model + "/reference")
                .then().statusCode(201);
        AssembledBatch reference = probe.readBatch(from, TopicProbe.batchIdOf(probe.recordsSince(from).get(0)),
                Duration.ofSeconds(20));
        assertEquals(List.of("0", "1", "2", "2"), values(reference.categorical("grade").orElseThrow()));
        assertEquals(List.of("0", "1", "2", "1"), values(reference.categorical("true_grade").orElseThrow()));
        List<String> scoreColumns = reference.columnsWithRole(ColumnRole.SCORE).stream().map(ColumnSpec::name).toList();
        assertEquals(List.of("p0", "p1", "p2"), scoreColumns, "one score column per class, in class order");
        NumericColumn p2 = (NumericColumn) reference.column("p2").orElseThrow();
        assertArrayEquals(new double[] {0.1, 0.1, 0.8, 0.5}, p2.values(), 0.0);

        from = probe.endOffsets();
        String batchId = given().contentType("text/csv").body(HEADER + "b1,10,car,male,2.0,0.1,0.1,0.8,\n")
                .post("/api/v1/models/" + model + "/batches").then().statusCode(202).extract().path("batchId");
        assertEquals(List.of("2"), values(probe.readBatch(from, batchId, Duration.ofSeconds(20))
                .categorical("grade").orElseThrow()));
    }

    @Test
    void badValuesAndScoresAreRefusedNamingRowAndColumn() {
        String model = register();
        given().contentType("text/csv").body(REFERENCE).post("/api/v1/models/" + model + "/reference")
                .then().statusCode(201);
        rejected(model, "batches", HEADER + "b1,10,car,male,3,0.1,0.1,0.8,\n")
                .body("errors[0].row", equalTo(1)).body("errors[0].column", equalTo("grade"))
                .body("errors[0].message", containsString("'3'"));
        rejected(model, "batches", HEADER + "b1,10,car,male,2,0.1,0.1,0.8,\nb2,10,car,male,2,0.3,0.3,0.6,\n")
                .body("errors[0].row", equalTo(2)).body("errors[0].message", containsString("sum"));
        rejected(model, "batches", HEADER + "b1,10,car,male,2,1.5,-0.5,0,\n")
                .body("errors.column", hasItem("p0")).body("errors.column", hasItem("p1"));
        rejected(model, "labels", "application_id,true_grade\nr1,7\n")
                .body("errors[0].column", equalTo("true_grade"));
    }

    @Test
    void aMulticlassSpecNeedsItsClassesAndAFavourableClassAmongThem() {
        refused(SPEC.replace("\"classes\":[\"0\",\"1\",\"2\"],", ""), "classes");
        refused(SPEC.replace("[\"0\",\"1\",\"2\"]", "[\"0\",\"1\"]").replace(",\"2\":\"p2\"", ""), "at least three");
        refused(SPEC.replace("[\"0\",\"1\",\"2\"]", "[\"0\",\"1\",\"1.0\"]"), "one class");
        refused(SPEC.replace("\"2.0\"", "\"9\""), "favorableClass");
        refused(SPEC.replace(",\"2\":\"p2\"", ""), "scores");
        refused(SPEC.replace("\"classes\"", "\"positiveClass\":\"1\",\"classes\""), "positiveClass");
        refused(SPEC.replace("\"scores\":{\"0\":\"p0\",\"1\":\"p1\",\"2\":\"p2\"}", "\"score\":\"p0\""), "score");
    }

    @Test
    void aBinaryModelsFavourableClassMustBeOneOfItsClasses() {
        String binary = CreditModelFixture.SPEC_WITH_CLASSES.replace("\"privileged\"",
                "\"fairness\":{\"favorableClass\":\"7\"},\"privileged\"");
        refused(binary, "favorableClass");
        String model = "binary-favourable-" + System.nanoTime() % 1_000_000;
        given().contentType("application/json").body(binary.replace("\"7\"", "\"0.0\"")).put("/api/v1/models/" + model)
                .then().statusCode(201).body("fairness.favorableClass", equalTo("0"));
    }

    @Test
    void namesAndGroupValuesThatWouldNotFitAKeyAreRefused() {
        String longName = "f".repeat(201);
        refused(SPEC.replace("\"income\"", "\"" + longName + "\""), "at most 200");
        String model = register();
        given().contentType("text/csv").body(REFERENCE).post("/api/v1/models/" + model + "/reference")
                .then().statusCode(201);
        rejected(model, "batches", HEADER + "b1,10,car," + "x".repeat(201) + ",2,0.1,0.1,0.8,\n")
                .body("errors[0].column", equalTo("sex")).body("errors[0].message", containsString("at most 200"));
    }

    private static String register() {
        String model = "multiclass-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 1_000_000;
        given().contentType("application/json").body(SPEC).put("/api/v1/models/" + model).then().statusCode(201);
        return model;
    }

    private static void refused(String spec, String word) {
        given().contentType("application/json").body(spec).put("/api/v1/models/mc-bad-" + System.nanoTime() % 1_000_000)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.message", hasItem(containsString(word)));
    }

    private static ValidatableResponse rejected(String model, String path, String csv) {
        Map<TopicPartition, Long> before = probe.endOffsets();
        ValidatableResponse r = given().contentType("text/csv").body(csv).post("/api/v1/models/" + model + "/" + path)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        assertEquals(before, probe.endOffsets(), "a refused upload publishes nothing");
        return r;
    }

    private static List<String> values(CategoricalColumn c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(c.valueAt(i));
        }
        return out;
    }
}
