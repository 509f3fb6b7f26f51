package io.modeltrust.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modeltrust.model.batch.AssembledBatch;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.model.batch.CategoricalColumn;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploads over HTTP land on monitoring.batches complete, once, and decode to exactly the posted values. */
@QuarkusTest
class IngestRoundTripTest {

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
    void referenceAndCsvBatchRoundTripBitExact() {
        String model = CreditModelFixture.registerWithReference();
        given().get("/api/v1/models/" + model).then().statusCode(200)
                .body("version", equalTo(1)).body("referenceVersion", equalTo(1)).body("task", equalTo("binary_classification"));

        var from = probe.endOffsets();
        String csv = """
                application_id,income,purpose,sex,approved,score
                p1,0.30000000000000004,car,female,1,1e-300
                p2,-0,"é ""quoted"", comma",male,0,0.5
                p3,NaN,,male,1,
                p4,123456789.123456789,car,female,0,0.999
                """;
        String batchId = given().contentType("text/csv; charset=utf-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/models/" + model + "/batches?at=2026-11-21T10:00:00Z")
                .then().log().ifValidationFails().statusCode(202)
                .body("rows", equalTo(4)).body("referenceVersion", equalTo(1)).body("modelId", equalTo(model))
                .body("receivedAt", notNullValue())
                .extract().path("batchId");

        AssembledBatch batch = probe.readBatch(from, batchId, Duration.ofSeconds(20));
        assertEquals(BatchKind.PRODUCTION, batch.kind());
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), batch.header().at());
        assertEquals(1, batch.header().referenceVersion());
        assertBits(new double[]{0.30000000000000004, -0.0, Double.NaN, 123456789.123456789},
                batch.numeric("income").orElseThrow().values());
        assertBits(new double[]{1e-300, 0.5, Double.NaN, 0.999}, batch.numeric("score").orElseThrow().values());
        assertEquals(Arrays.asList("car", "é \"quoted\", comma", null, "car"), values(batch.categorical("purpose").orElseThrow()));
        assertEquals(Arrays.asList("p1", "p2", "p3", "p4"), values(batch.categorical("application_id").orElseThrow()));
        assertEquals(Arrays.asList(null, null, null, null), values(batch.categorical("defaulted").orElseThrow()),
                "an absent label column travels as all-missing");

        given().get("/api/v1/models/" + model + "/batches/" + batchId).then().statusCode(200)
                .body("rows", equalTo(4)).body("kind", equalTo("production"));
    }

    @Test
    void jsonNdjsonAndGzipBodiesCarryTheSameValues() throws IOException {
        String model = CreditModelFixture.registerWithReference();
        String json = """
                [{"application_id":"j1","income":41200.25,"purpose":"car","sex":"female","approved":"1","score":0.7},
                 {"application_id":"j2","income":null,"purpose":"boat","sex":"male","approved":0,"score":0.1,"defaulted":"1"}]""";
        String ndjson = """
                {"application_id":"j1","income":41200.25,"purpose":"car","sex":"female","approved":"1","score":0.7}
                {"application_id":"j2","income":null,"purpose":"boat","sex":"male","approved":0,"score":0.1,"defaulted":"1"}
                """;
        for (String[] body : new String[][]{{"application/json", json}, {"application/x-ndjson", ndjson}}) {
            var from = probe.endOffsets();
            String batchId = given().contentType(body[0]).body(body[1].getBytes(StandardCharsets.UTF_8)).post("/api/v1/models/" + model + "/batches")
                    .then().statusCode(202).body("rows", equalTo(2)).extract().path("batchId");
            AssembledBatch batch = probe.readBatch(from, batchId, Duration.ofSeconds(20));
            assertBits(new double[]{41200.25, Double.NaN}, batch.numeric("income").orElseThrow().values());
            assertEquals(Arrays.asList("1", "0"), values(batch.categorical("approved").orElseThrow()));
            assertEquals(Arrays.asList(null, "1"), values(batch.categorical("defaulted").orElseThrow()));
        }
        var from = probe.endOffsets();
        String batchId = given().contentType("text/csv").header("Content-Encoding", "gzip")
                .body(gzip("application_id,income,purpose,sex,approved,score\ng1,7.5,car,male,1,0.9\n"))
                .post("/api/v1/models/" + model + "/batches").then().statusCode(202).extract().path("batchId");
        assertBits(new double[]{7.5}, probe.readBatch(from, batchId, Duration.ofSeconds(20)).numeric("income").orElseThrow().values());
    }

    @Test
    void idempotencyKeyTwicePublishesOneBatch() {
        String model = CreditModelFixture.registerWithReference();
        String csv = "application_id,income,purpose,sex,approved,score\nk1,1,car,male,1,0.9\n";
        var from = probe.endOffsets();
        String first = given().contentType("text/csv").header("Idempotency-Key", "abc-1").body(csv)
                .post("/api/v1/models/" + model + "/batches").then().statusCode(202).extract().path("batchId");
        var afterFirst = probe.endOffsets();
        String second = given().contentType("text/csv").header("Idempotency-Key", "abc-1").body(csv)
                .post("/api/v1/models/" + model + "/batches").then().statusCode(202).extract().path("batchId");
        assertEquals(first, second);
        assertEquals(afterFirst, probe.endOffsets(), "the repeat published nothing");
        long headers = probe.recordsOf(from, first).stream()
                .filter(r -> "header".equals(TopicProbe.header(r, "mt-record"))).count();
        assertEquals(1, headers);
    }

    @Test
    void delayedLabelsArePublishedAndMatchedById() {
        String model = CreditModelFixture.registerWithReference();
        given().contentType("text/csv").body("application_id,income,purpose,sex,approved,score\nL1,1,car,male,1,0.9\nL2,2,car,female,0,0.2\n")
                .post("/api/v1/models/" + model + "/batches").then().statusCode(202);
        var from = probe.endOffsets();
        String batchId = given().contentType("text/csv").body("application_id,defaulted\nL1,0\nL2,1\nUNKNOWN,1\n")
                .post("/api/v1/models/" + model + "/labels").then().statusCode(202)
                .body("rows", equalTo(3)).body("matched", equalTo(2)).extract().path("batchId");
        AssembledBatch labels = probe.readBatch(from, batchId, Duration.ofSeconds(20));
        assertEquals(BatchKind.LABELS, labels.kind());
        assertEquals(List.of("L1", "L2", "UNKNOWN"), values(labels.categorical("application_id").orElseThrow()));
        assertEquals(List.of("0", "1", "1"), values(labels.categorical("defaulted").orElseThrow()));
    }

    @Test
    void aNewReferenceGetsTheNextVersion() {
        String model = CreditModelFixture.registerWithReference();
        given().contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV)
                .post("/api/v1/models/" + model + "/reference").then().statusCode(201).body("referenceVersion", equalTo(2));
        given().contentType("text/csv").body("application_id,income,purpose,sex,approved,score\nv1,1,car,male,1,0.9\n")
                .post("/api/v1/models/" + model + "/batches").then().statusCode(202).body("referenceVersion", equalTo(2));
    }

    private static void assertBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    "value " + i + ": expected " + expected[i] + " got " + actual[i]);
        }
    }

    private static List<String> values(CategoricalColumn column) {
        String[] out = new String[column.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.valueAt(i);
        }
        return Arrays.asList(out);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
