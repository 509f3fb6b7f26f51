package io.modeltrust.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every bad input of docs/api.md gets its 4xx problem+json and leaves monitoring.batches untouched. */
@QuarkusTest
class IngestBadInputTest {

    private static final String HEADER = "application_id,income,purpose,sex,approved,score\n";
    private static TopicProbe probe;
    private static String model;

    @BeforeAll
    static void setUp() {
        probe = new TopicProbe("monitoring.batches");
    }

    @AfterAll
    static void tearDown() {
        probe.close();
    }

    private static String model() {
        if (model == null) {
            model = CreditModelFixture.registerWithReference();
        }
        return model;
    }

    /** Posts a production batch and checks status, problem+json and that nothing was published. */
    private ValidatableResponse rejected(int status, String contentType, Object body, String... headers) {
        model();
        var before = probe.endOffsets();
        byte[] bytes = body instanceof byte[] b ? b : body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = given().contentType(contentType).body(bytes);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        ValidatableResponse response = request.post("/api/v1/models/" + model() + "/batches").then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status)).body("title", notNullValue()).body("detail", notNullValue());
        assertEquals(before, probe.endOffsets(), "a rejected upload must publish nothing");
        return response;
    }

    @Test
    void nonNumberInNumericColumnNamesRowAndColumn() {
        rejected(400, "text/csv", HEADER + "a,1,car,male,1,0.5\nb,lots,car,male,1,0.5\nc,3,car,male,1,high\n")
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("income"))
                .body("errors[1].row", equalTo(3)).body("errors[1].column", equalTo("score"))
                .body("totalErrors", equalTo(2));
    }

    @Test
    void missingAndExtraColumns() {
        rejected(400, "text/csv", "application_id,income,purpose,sex,approved\na,1,car,male,1\n")
                .body("errors.column", hasItem("score"));
        rejected(400, "text/csv", "application_id,income,purpose,sex,approved,score,colour\na,1,car,male,1,0.5,red\n")
                .body("errors.column", hasItem("colour"));
        rejected(400, "text/csv", "application_id,income,income,purpose,sex,approved,score\na,1,1,car,male,1,0.5\n");
        rejected(400, "application/json", "[{\"application_id\":\"a\",\"income\":1,\"purpose\":\"car\",\"sex\":\"m\",\"approved\":1}]")
                .body("errors[0].column", equalTo("score"));
        rejected(400, "application/json", "[{\"application_id\":\"a\",\"income\":1,\"purpose\":\"car\",\"sex\":\"m\",\"approved\":1,\"score\":1,\"x\":2}]")
                .body("errors[0].column", equalTo("x"));
    }

    @Test
    void emptyCategoryColumnMissingPredictionAndMissingId() {
        rejected(400, "text/csv", HEADER + "a,1,,male,1,0.5\nb,2,,female,0,0.5\n").body("errors[0].column", equalTo("purpose"));
        rejected(400, "text/csv", HEADER + "a,1,car,male,,0.5\n").body("errors[0].column", equalTo("approved"));
        rejected(400, "text/csv", HEADER + ",1,car,male,1,0.5\n").body("errors[0].column", equalTo("application_id"));
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        rejected(400, "text/csv", HEADER + "a,Infinity,car,male,1,0.5\n");
        rejected(400, "text/csv", HEADER + "a,1e999,car,male,1,0.5\n");
    }

    @Test
    void malformedBodies() {
        rejected(400, "text/csv", HEADER + "a,1,\"car,male,1,0.5\n");
        rejected(400, "application/json", "[{\"application_id\":\"a\",");
        rejected(400, "application/json", "{\"not\":\"an array\"}");
        rejected(400, "application/x-ndjson", "{\"application_id\":\"a\"}\n[1,2]\n");
        rejected(400, "application/json", "[" + "[".repeat(5000) + "]".repeat(5000) + "]");
        rejected(400, "text/csv", new byte[]{'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    }

    @Test
    void emptyBatches() {
        rejected(400, "text/csv", HEADER);
        rejected(400, "text/csv", "");
        rejected(400, "application/json", "[]");
    }

    @Test
    void truncatedGzipAndUnknownEncodings() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write((HEADER + "a,1,car,male,1,0.5\n".repeat(1000)).getBytes());
        }
        byte[] truncated = Arrays.copyOf(out.toByteArray(), out.size() / 2);
        rejected(400, "text/csv", truncated, "Content-Encoding", "gzip");
        rejected(415, "text/csv", HEADER + "a,1,car,male,1,0.5\n", "Content-Encoding", "br");
        rejected(415, "application/xml", "<rows/>");
    }

    @Test
    void badBatchTime() {
        var before = probe.endOffsets();
        given().contentType("text/csv").body(HEADER + "a,1,car,male,1,0.5\n")
                .post("/api/v1/models/" + model() + "/batches?at=yesterday").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().contentType("text/csv").body(HEADER + "a,1,car,male,1,0.5\n")
                .post("/api/v1/models/" + model() + "/batches?at=2999-01-01T00:00:00Z").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("1970 to 2199"));
        assertEquals(before, probe.endOffsets());
    }

    @Test
    void unknownModelAndMissingReference() {
        var before = probe.endOffsets();
        given().contentType("text/csv").body(HEADER + "a,1,car,male,1,0.5\n").post("/api/v1/models/nope/batches")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().contentType("application/json").body(CreditModelFixture.SPEC).put("/api/v1/models/no-ref-model");
        given().contentType("text/csv").body(HEADER + "a,1,car,male,1,0.5\n").post("/api/v1/models/no-ref-model/batches")
                .then().statusCode(409).contentType(startsWith("application/problem+json"));
        assertEquals(before, probe.endOffsets());
    }

    @Test
    void invalidModelSpecsListEveryProblem() {
        given().contentType("application/json").body("{\"task\":\"clustering\",\"features\":[],\"sensitive\":[\"age\"],"
                        + "\"privileged\":{\"sex\":\"m\"}}")
                .put("/api/v1/models/bad-spec").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("totalErrors", greaterThanOrEqualTo(4));
        given().contentType("application/json").body("{not json").put("/api/v1/models/bad-spec").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().contentType("application/json").body(CreditModelFixture.SPEC).put("/api/v1/models/Bad_ID").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        given().get("/api/v1/models/bad-spec").then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aNulInACategoryIsRefusedAndNothingIsPublished() {
        rejected(400, "text/csv", HEADER + "a1,100,car\u0000x,female,1,0.7\n")
                .body("errors[0].column", equalTo("purpose"))
                .body("errors[0].message", containsString("NUL"));
    }

    @Test
    void aFiveThousandFeatureModelIsRefusedAndIngestStaysLive() {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            features.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i).append("\",\"type\":\"numeric\"}");
        }
        given().contentType("application/json").body("{\"task\":\"regression\",\"features\":[" + features
                        + "],\"prediction\":\"y\"}")
                .put("/api/v1/models/wide-5000").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].message", containsString("at most 1000"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
