package io.modeltrust.ingest.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.ingest.CreditModelFixture;
import io.modeltrust.ingest.TopicProbe;
import io.modeltrust.model.batch.BatchKind;
import io.modeltrust.security.ApiKeyRing;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With API keys configured: no or an unknown key is a 401 problem+json that publishes nothing, a read key may
 * read but not upload (403), a write key uploads and its batch reaches monitoring.batches; /q stays open. No
 * key nor hash ever appears in the service's log.
 */
@QuarkusTest
@TestProfile(ApiKeyTest.WithKeys.class)
class ApiKeyTest {

    static final String WRITE_KEY = "ingest-test-write-9Zq2xV7mK4pL0sT3";
    static final String READ_KEY = "ingest-test-read-Hc8nB1wY6rE5uJ2d";
    private static final String CSV = "application_id,income,purpose,sex,approved,score\nk1,1,car,male,1,0.9\n";
    private static final AtomicInteger SEQ = new AtomicInteger();

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api.keys", "uploader:write:" + ApiKeyRing.sha256Hex(WRITE_KEY) + ",viewer:read:" + ApiKeyRing.sha256Hex(READ_KEY),
                    "quarkus.log.category.\"io.modeltrust.security\".level", "DEBUG");
        }
    }

    private static TopicProbe probe;
    private static LogCapture log;

    @BeforeAll
    static void open() {
        probe = new TopicProbe("monitoring.batches");
        log = LogCapture.install();
    }

    @AfterAll
    static void close() {
        probe.close();
        log.close();
    }

    private static RequestSpecification as(String key) {
        return key == null ? given() : given().header("X-API-Key", key);
    }

    /** A model with its reference, uploaded with the write key. */
    private static String model() {
        String id = "keys-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        as(WRITE_KEY).contentType("application/json").body(CreditModelFixture.SPEC).put("/api/v1/models/" + id).then().statusCode(201);
        as(WRITE_KEY).contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV).post("/api/v1/models/" + id + "/reference")
                .then().statusCode(201);
        return id;
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("about:blank")).body("status", equalTo(status))
                .body(not(containsString(WRITE_KEY))).body(not(containsString(READ_KEY)));
    }

    @Test
    void withoutAKeyEveryApiRequestIs401() {
        problem(given().get("/api/v1/models").then(), 401).body("title", equalTo("Unauthorized"))
                .body("detail", containsString("X-API-Key")).header("WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
        problem(given().contentType("application/json").body(CreditModelFixture.SPEC).put("/api/v1/models/keys-none").then(), 401);
        // Unknown paths too: an unauthenticated caller cannot tell which exist.
        problem(given().get("/api/v1/no-such-thing").then(), 401);
        problem(as("not-a-key").get("/api/v1/models").then(), 401).body("detail", equalTo("The X-API-Key header holds no known API key."));
        // A hash from the configuration is no key.
        problem(as(ApiKeyRing.sha256Hex(WRITE_KEY)).get("/api/v1/models").then(), 401);
    }

    @Test
    void operationsEndpointsNeedNoKey() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aReadKeyReadsButCannotRegisterOrUpload() {
        String model = model();
        as(READ_KEY).get("/api/v1/models/" + model).then().statusCode(200).body("modelId", equalTo(model));
        as(READ_KEY).get("/api/v1/models").then().statusCode(200);
        problem(as(READ_KEY).contentType("application/json").body(CreditModelFixture.SPEC).put("/api/v1/models/" + model).then(), 403)
                .body("title", equalTo("Forbidden")).body("detail", containsString("'viewer' has the read role"))
                .body("detail", containsString("write role"));
        problem(as(READ_KEY).contentType("text/csv").body(CSV).post("/api/v1/models/" + model + "/batches").then(), 403);
        problem(as(READ_KEY).contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV)
                .post("/api/v1/models/" + model + "/reference").then(), 403);
        as(READ_KEY).get("/api/v1/models/" + model).then().statusCode(200).body("version", equalTo(1)).body("referenceVersion", equalTo(1));
    }

    @Test
    void aDeniedUploadPublishesNothing() {
        String model = model();
        var before = probe.endOffsets();
        problem(given().contentType("text/csv").body(CSV).post("/api/v1/models/" + model + "/batches").then(), 401);
        problem(as("wrong").contentType("text/csv").body(CSV).post("/api/v1/models/" + model + "/batches").then(), 401);
        problem(as(READ_KEY).contentType("text/csv").body(CSV).post("/api/v1/models/" + model + "/batches").then(), 403);
        assertEquals(before, probe.endOffsets(), "a denied upload reached monitoring.batches");
    }

    @Test
    void aWriteKeyUploadsAndTheBatchReachesTheTopic() {
        String model = model();
        var from = probe.endOffsets();
        String batchId = as(WRITE_KEY).contentType("text/csv").body(CSV).post("/api/v1/models/" + model + "/batches")
                .then().statusCode(202).body("rows", equalTo(1)).extract().path("batchId");
        assertEquals(BatchKind.PRODUCTION, probe.readBatch(from, batchId, Duration.ofSeconds(20)).kind());
        as(WRITE_KEY).get("/api/v1/models/" + model + "/batches/" + batchId).then().statusCode(200);
    }

    @Test
    void neitherKeysNorHashesAreLogged() {
        aReadKeyReadsButCannotRegisterOrUpload();
        problem(as("not-a-key").get("/api/v1/models").then(), 401);
        List<String> lines = log.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("403 for key") && l.contains("viewer")),
                "the capture saw the denial log (else it proves nothing): " + lines);
        for (String secret : List.of(WRITE_KEY, READ_KEY, ApiKeyRing.sha256Hex(WRITE_KEY), ApiKeyRing.sha256Hex(READ_KEY))) {
            assertFalse(lines.stream().anyMatch(l -> l.contains(secret)), "a key or hash was logged: " + lines);
        }
    }
}
