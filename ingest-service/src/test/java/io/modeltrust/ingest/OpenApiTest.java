package io.modeltrust.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.spec.ModelSpec;
import io.modeltrust.model.spec.Task;
import io.modeltrust.security.ApiKeyRing;
import io.modeltrust.security.testing.OpenApiCalls;
import io.modeltrust.security.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The OpenAPI document of ingest (/q/openapi) is complete, and true: every endpoint is driven through the answers
 * docs/api.md lists, and each status it really gives, and each field of its body, must be documented for that
 * operation. API keys are on so 401 and 403 are real too; the body limit is small so a 413 costs 64 KiB. A 503
 * needs the broker away (BrokerDownTest covers it); the document's 503 is checked by its shape only.
 */
@QuarkusTest
@TestProfile(OpenApiTest.KeysAndSmallBodies.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiTest {

    static final String WRITE_KEY = "openapi-test-write-Qf4kT8mZ1xR6wP3v";
    static final String READ_KEY = "openapi-test-read-Lc7hN2bV9sD4jG5y";
    static final long MAX_BODY = 65_536;
    private static final String MODEL = "PUT /api/v1/models/{modelId}";
    private static final String GET_MODEL = "GET /api/v1/models/{modelId}";
    private static final String MODELS = "GET /api/v1/models";
    private static final String REFERENCE = "POST /api/v1/models/{modelId}/reference";
    private static final String BATCHES = "POST /api/v1/models/{modelId}/batches";
    private static final String LABELS = "POST /api/v1/models/{modelId}/labels";
    private static final String BATCH = "GET /api/v1/models/{modelId}/batches/{batchId}";
    private static final String DELETE_MODEL = "DELETE /api/v1/models/{modelId}";
    private static final String DELETE_BATCH = "DELETE /api/v1/models/{modelId}/batches/{batchId}";
    private static final String AUDIT = "GET /api/v1/audit";
    private static final String ROWS = "application_id,income,purpose,sex,approved,score\n";
    private static final AtomicInteger SEQ = new AtomicInteger();

    public static class KeysAndSmallBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api.keys", "uploader:write:" + ApiKeyRing.sha256Hex(WRITE_KEY) + ",viewer:read:"
                            + ApiKeyRing.sha256Hex(READ_KEY),
                    "ingest.max-body-bytes", String.valueOf(MAX_BODY), "ingest.deleted-id-hold", "PT1H");
        }
    }

    private static OpenApiContract contract;

    /** Loaded in the first test: before it, the application's port is not known yet. */
    private static OpenApiContract contract() {
        if (contract == null) {
            contract = OpenApiCalls.load();
        }
        return contract;
    }

    @Test
    @Order(1)
    void everyOperationHasSchemasAndErrors() {
        List<String> problems = contract().shapeProblems();
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(Set.of(MODEL, GET_MODEL, MODELS, REFERENCE, BATCHES, LABELS, BATCH, DELETE_MODEL, DELETE_BATCH,
                AUDIT), contract().operations());
        for (String upload : List.of(REFERENCE, BATCHES, LABELS)) {
            JsonNode content = operation(upload).path("requestBody").path("content");
            for (String media : List.of("text/csv", "application/json", "application/x-ndjson")) {
                assertEquals("binary", content.path(media).path("schema").path("format").asText(), upload + " " + media);
            }
            assertTrue(parameterNames(upload).contains("Content-Encoding"), upload + " documents Content-Encoding");
            assertTrue(operation(upload).path("requestBody").path("description").asText().contains("gzip"), upload);
        }
        assertEquals("#/components/schemas/ModelSpec",
                operation(MODEL).path("requestBody").path("content").path("application/json").path("schema")
                        .path("$ref").asText());
    }

    @Test
    @Order(2)
    void theModelSpecSchemaIsTheRecordWithEveryFieldDescribed() {
        Set<String> components = Arrays.stream(ModelSpec.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(components, fieldNames(contract().schema("ModelSpec").path("properties")));
        assertEquals(Set.of("mode", "batches"), fieldNames(contract().schema("ReferenceWindow").path("properties")),
                "drift.reference is described as its record");
        for (String schema : List.of("ModelSpec", "FeatureSpec", "DriftSettings", "ReferenceWindow", "FairnessSettings")) {
            contract().schema(schema).path("properties").fields().forEachRemaining(p ->
                    assertTrue(p.getValue().path("description").asText().length() > 3, schema + "." + p.getKey()
                            + " has no description (ModelSpecSchema)"));
        }
        Set<String> tasks = Arrays.stream(Task.values()).map(Task::wire).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        contract().schema("Task").path("enum").forEach(v -> documented.add(v.asText()));
        assertEquals(tasks, documented, "the document must name tasks as the JSON does");
    }

    @Test
    @Order(3)
    void swaggerUiNeedsNoKey() {
        OpenApiCalls.assertSwaggerUiServed();
    }

    @Test
    @Order(4)
    void modelsAnswerAsDocumented() {
        String id = newId();
        call(MODEL, 201, write().contentType("application/json").body(CreditModelFixture.SPEC), id);
        call(MODEL, 200, write().contentType("application/json").body(CreditModelFixture.SPEC), id);
        call(MODEL, 400, write().contentType("application/json").body("{\"task\":\"astrology\",\"features\":[]}"), id);
        call(MODEL, 400, write().contentType("application/json").body("{not json"), id);
        call(MODEL, 400, write().contentType("application/json").body(CreditModelFixture.SPEC), "Not_A_Model_Id");
        call(GET_MODEL, 200, read(), id);
        call(GET_MODEL, 404, read(), "no-such-model");
        call(MODELS, 200, read());
        call(REFERENCE, 201, write().contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV), id);
        String changed = CreditModelFixture.SPEC.replace("{\"name\":\"income\",\"type\":\"numeric\"}",
                "{\"name\":\"income\",\"type\":\"categorical\"}");
        call(MODEL, 409, write().contentType("application/json").body(changed), id);
    }

    @Test
    @Order(5)
    void uploadsAnswerAsDocumented() {
        String id = CreditModelFixture.registerOnly(write());
        String good = ROWS + "b1,1200,car,male,1,0.7\nb2,800,house,female,0,0.2\n";
        call(BATCHES, 409, write().contentType("text/csv").body(good), id);
        call(REFERENCE, 404, write().contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV), "no-such-model");
        call(REFERENCE, 400, write().contentType("text/csv").body("application_id,income\nr1,1\n"), id);
        call(REFERENCE, 415, write().contentType("application/xml").body("<rows/>"), id);
        call(REFERENCE, 201, write().contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV), id);

        String batchId = call(BATCHES, 202, write().contentType("text/csv").body(good), id).path("batchId");
        call(BATCHES, 202, write().contentType("application/x-ndjson").body(("{\"application_id\":\"n1\",\"income\":5,"
                + "\"purpose\":\"car\",\"sex\":\"male\",\"approved\":1,\"score\":0.5}\n")
                .getBytes(StandardCharsets.UTF_8)), id);
        call(BATCHES, 400, write().contentType("text/csv").body(ROWS + "b3,lots,car,male,1,0.5\n"), id);
        call(BATCHES, 400, write().contentType("text/csv").queryParam("at", "yesterday").body(good), id);
        call(BATCHES, 404, write().contentType("text/csv").body(good), "no-such-model");
        call(BATCHES, 415, write().contentType("text/plain").body(good), id);
        call(BATCHES, 415, write().contentType("text/csv").header("Content-Encoding", "br").body(good), id);
        call(BATCHES, 413, write().contentType("text/csv").body(tooLarge()), id);

        call(BATCH, 200, read(), id, batchId);
        call(BATCH, 404, read(), id, "no-such-batch");

        call(LABELS, 202, write().contentType("text/csv").body("application_id,defaulted\nb1,0\nb2,1\n"), id);
        call(LABELS, 400, write().contentType("text/csv").body("application_id,defaulted\nb1,0\nb1,1\n"), id);
        call(LABELS, 413, write().contentType("text/csv").body(tooLarge()), id);
        call(LABELS, 415, write().contentType("application/xml").body("<labels/>"), id);
        call(LABELS, 404, write().contentType("text/csv").body("application_id,defaulted\nb1,0\n"), "no-such-model");
        String withoutIds = CreditModelFixture.registerOnly(write(),
                CreditModelFixture.SPEC.replace(",\"id\":\"application_id\"", ""));
        call(LABELS, 409, write().contentType("text/csv").body("application_id,defaulted\nb1,0\n"), withoutIds);
    }

    @Test
    @Order(6)
    void deletionsAnswerAsDocumented() {
        String id = CreditModelFixture.registerOnly(write());
        String reference = call(REFERENCE, 201, write().contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV), id)
                .path("batchId");
        String batchId = call(BATCHES, 202, write().contentType("text/csv")
                .body(ROWS + "d1,1200,car,male,1,0.7\n"), id).path("batchId");
        call(DELETE_BATCH, 409, write(), id, reference);
        call(DELETE_BATCH, 202, write(), id, batchId);
        call(DELETE_BATCH, 202, write(), id, batchId);
        call(DELETE_BATCH, 404, write(), id, "no-such-batch");
        call(DELETE_BATCH, 403, read(), id, reference);
        call(DELETE_MODEL, 403, read(), id);
        call(DELETE_MODEL, 401, given(), id);
        call(DELETE_MODEL, 202, write(), id);
        call(DELETE_MODEL, 202, write(), id);
        call(DELETE_MODEL, 404, write(), "no-such-model");
        call(BATCHES, 409, write().contentType("text/csv").body(ROWS + "d2,1,car,male,1,0.5\n"), id);
        Response held = call(MODEL, 409, write().contentType("application/json").body(CreditModelFixture.SPEC), id);
        assertEquals("Model being deleted", held.path("title"));
        call(GET_MODEL, 404, read(), id);
        call(AUDIT, 200, read().queryParam("modelId", id));
        call(AUDIT, 401, given());
        Response audit = given().header("X-API-Key", READ_KEY).queryParam("modelId", id).get("/api/v1/audit");
        assertEquals(List.of("uploader", "uploader"), audit.jsonPath().getList("actor"), audit.asString());
    }

    @Test
    @Order(7)
    void keyDenialsAreDocumented() {
        String id = CreditModelFixture.registerOnly(write());
        call(MODELS, 401, given());
        call(GET_MODEL, 401, given().header("X-API-Key", "not-a-key"), id);
        call(MODEL, 401, given().contentType("application/json").body(CreditModelFixture.SPEC), id);
        call(MODEL, 403, read().contentType("application/json").body(CreditModelFixture.SPEC), id);
        call(BATCHES, 403, read().contentType("text/csv").body(ROWS), id);
        call(REFERENCE, 403, read().contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV), id);
        call(LABELS, 401, given().contentType("text/csv").body("application_id,defaulted\nb1,0\n"), id);
        call(BATCH, 401, given(), id, "any");
    }

    @Test
    @Order(99)
    void everyOperationWasCalled() {
        assertEquals(Set.of(), contract().unobserved(), "operations no test called; observed: " + contract().observed());
    }

    private static Response call(String operation, int status, RequestSpecification request, Object... pathParams) {
        return OpenApiCalls.call(contract(), operation, status, request, pathParams);
    }

    private static RequestSpecification write() {
        return given().header("X-API-Key", WRITE_KEY);
    }

    private static RequestSpecification read() {
        return given().header("X-API-Key", READ_KEY);
    }

    private static String newId() {
        return "openapi-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    private static byte[] tooLarge() {
        StringBuilder body = new StringBuilder(ROWS);
        for (int i = 0; body.length() <= MAX_BODY; i++) {
            body.append('x').append(i).append(",1000,car,male,1,0.5\n");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode operation(String name) {
        String[] parts = name.split(" ", 2);
        return contract().document().path("paths").path(parts[1]).path(parts[0].toLowerCase());
    }

    private static Set<String> parameterNames(String name) {
        Set<String> names = new TreeSet<>();
        operation(name).path("parameters").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
