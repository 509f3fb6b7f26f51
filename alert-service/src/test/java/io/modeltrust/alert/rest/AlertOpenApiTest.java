package io.modeltrust.alert.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modeltrust.alert.Await;
import io.modeltrust.alert.ResultSender;
import io.modeltrust.alert.Results;
import io.modeltrust.security.ApiKeyRing;
import io.modeltrust.security.testing.OpenApiCalls;
import io.modeltrust.security.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * alert-service's OpenAPI (/q/openapi) is complete and true: every /api operation has a response schema and a
 * problem+json for its errors, and each one is driven through every status its document lists (API keys on, so 401
 * and 403 are real too). A status answered but not documented, a field not in the schema, or a documented status
 * that no call produced fails. 500 and 503 need a broken database and are checked by their shape only.
 */
@QuarkusTest
@TestProfile(AlertOpenApiTest.WithKeys.class)
class AlertOpenApiTest {

    static final String WRITE_KEY = "alert-openapi-write-T6pW1zK8cR3mN5qx";
    static final String READ_KEY = "alert-openapi-read-H2dL9vB4sY7fG0ja";
    private static final String MODEL = "openapi-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NO_MODEL = "openapi-no-such-model";
    private static final String NO_ID = UUID.randomUUID().toString();

    private static final String ALERTS = "GET /api/v1/alerts";
    private static final String ALERT = "GET /api/v1/alerts/{alertId}";
    private static final String ACK = "POST /api/v1/alerts/{alertId}/acknowledge";
    private static final String RESOLVE = "POST /api/v1/alerts/{alertId}/resolve";
    private static final String MODELS = "GET /api/v1/models";
    private static final String MODEL_ONE = "GET /api/v1/models/{modelId}";
    private static final String BATCHES = "GET /api/v1/models/{modelId}/batches";
    private static final String REPORT = "GET /api/v1/models/{modelId}/batches/{batchId}/report";
    private static final String RESULT = "GET /api/v1/models/{modelId}/batches/{batchId}/results/{kind}";
    private static final String SERIES = "GET /api/v1/models/{modelId}/metrics/{metric}";
    private static final String MATRIX = "GET /api/v1/models/{modelId}/drift-matrix";
    private static final String INCIDENTS = "GET /api/v1/models/{modelId}/incidents";
    private static final String RULES = "GET /api/v1/models/{modelId}/alert-rules";
    private static final String PUT_RULES = "PUT /api/v1/models/{modelId}/alert-rules";
    private static final String CHANNELS = "GET /api/v1/notification-channels";
    private static final String PUT_CHANNELS = "PUT /api/v1/notification-channels";
    private static final String ADD_CHANNEL = "POST /api/v1/notification-channels";
    private static final String CHANNEL = "GET /api/v1/notification-channels/{channelId}";
    private static final String PUT_CHANNEL = "PUT /api/v1/notification-channels/{channelId}";
    private static final String DELETE_CHANNEL = "DELETE /api/v1/notification-channels/{channelId}";
    private static final String DELIVERIES = "GET /api/v1/notification-channels/deliveries";
    private static final String DELETE_MODEL = "DELETE /api/v1/models/{modelId}";
    private static final String PERIOD = "GET /api/v1/models/{modelId}/report";
    private static final String SCHEDULES = "GET /api/v1/report-schedules";
    private static final String ADD_SCHEDULE = "POST /api/v1/report-schedules";
    private static final String SCHEDULE = "GET /api/v1/report-schedules/{scheduleId}";
    private static final String DELETE_SCHEDULE = "DELETE /api/v1/report-schedules/{scheduleId}";
    private static final String RUN = "POST /api/v1/report-schedules/{scheduleId}/run";
    private static final String REPORTS = "GET /api/v1/models/{modelId}/reports";
    private static final String DOWNLOAD = "GET /api/v1/reports/{reportId}";
    private static final Set<String> WRITES = Set.of(ACK, RESOLVE, PUT_RULES, PUT_CHANNELS, ADD_CHANNEL, PUT_CHANNEL,
            DELETE_CHANNEL, DELETE_MODEL, ADD_SCHEDULE, DELETE_SCHEDULE, RUN);
    private static final String CHANNEL_BODY = "{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:9/openapi\","
            + "\"secret\":\"s3cr3t\",\"filter\":{\"modelIds\":[\"" + MODEL + "\"]},\"enabled\":false}";

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api.keys", "openapi-writer:write:" + ApiKeyRing.sha256Hex(WRITE_KEY)
                    + ",openapi-reader:read:" + ApiKeyRing.sha256Hex(READ_KEY));
        }
    }

    @Test
    void documentIsCompleteAndSwaggerUiServed() {
        OpenApiContract contract = OpenApiCalls.load();
        assertEquals(List.of(), contract.shapeProblems());
        assertEquals(new TreeSet<>(Set.of(ALERTS, ALERT, ACK, RESOLVE, MODELS, MODEL_ONE, BATCHES, REPORT, RESULT, SERIES,
                MATRIX, INCIDENTS, RULES, PUT_RULES, CHANNELS, PUT_CHANNELS, ADD_CHANNEL, CHANNEL, PUT_CHANNEL,
                DELETE_CHANNEL, DELIVERIES, DELETE_MODEL, PERIOD, SCHEDULES, ADD_SCHEDULE, SCHEDULE, DELETE_SCHEDULE, RUN,
                REPORTS, DOWNLOAD)), new TreeSet<>(contract.operations()));
        OpenApiCalls.assertSwaggerUiServed();
    }

    @Test
    void everyDocumentedStatusIsRealAndEveryRealOneDocumented() {
        Instant at = Instant.parse("2026-11-21T00:00:00Z");
        try (ResultSender sender = new ResultSender()) {
            sender.send(Results.drift(MODEL, "b1", at, List.of("income", "age")));
            sender.send(Results.performance(MODEL, "b1", at, 1, 0.62, 0.02, 0.7));
        }
        Await.until("alerts of " + MODEL, Duration.ofSeconds(60), () -> as(READ_KEY)
                .get("/api/v1/alerts?modelId=" + MODEL).then().extract().jsonPath().getList("alertId").size() >= 2);
        Await.until("both results of " + MODEL, Duration.ofSeconds(60), () -> as(READ_KEY)
                .get("/api/v1/models/" + MODEL + "/batches/b1/report").jsonPath().getMap("revisions").size() == 2);
        OpenApiContract contract = OpenApiCalls.load();

        history(contract);
        alerts(contract);
        rules(contract);
        channels(contract);
        reports(contract);
        // Ingest is not running here, so the forwarded delete can only answer 503; DashboardDeleteTest drives its
        // 202 and 404 (ingest's own answers, passed through) with a stand-in ingest.
        call(contract, DELETE_MODEL, 503, as(WRITE_KEY), NO_MODEL);
        for (String op : contract.operations()) {
            call(contract, op, 401, given(), params(op));
            if (WRITES.contains(op)) {
                call(contract, op, 403, as(READ_KEY).contentType("application/json").body("{}"), params(op));
            }
        }

        Map<String, Set<Integer>> neverAnswered = new TreeMap<>();
        for (String op : contract.operations()) {
            Set<Integer> missing = new TreeSet<>(contract.statuses(op));
            missing.removeAll(Set.of(500, 503));
            missing.removeAll(contract.observed().getOrDefault(op, Set.of()));
            if (op.equals(DELETE_MODEL)) {
                missing.removeAll(Set.of(202, 404));
            }
            if (!missing.isEmpty()) {
                neverAnswered.put(op, missing);
            }
        }
        assertEquals(Map.of(), neverAnswered, "documented statuses that no call produced");
    }

    private void history(OpenApiContract c) {
        call(c, MODELS, 200, as(READ_KEY));
        call(c, MODELS, 400, as(READ_KEY).queryParam("limit", "0"));
        call(c, MODEL_ONE, 200, as(READ_KEY), MODEL);
        call(c, MODEL_ONE, 400, as(READ_KEY), "Not_A_Model");
        call(c, MODEL_ONE, 404, as(READ_KEY), NO_MODEL);
        call(c, BATCHES, 200, as(READ_KEY), MODEL);
        call(c, BATCHES, 400, as(READ_KEY).queryParam("from", "yesterday"), MODEL);
        call(c, BATCHES, 404, as(READ_KEY), NO_MODEL);
        call(c, REPORT, 200, as(READ_KEY), MODEL, "b1");
        call(c, REPORT, 400, as(READ_KEY), "Not_A_Model", "b1");
        call(c, REPORT, 404, as(READ_KEY), MODEL, "no-such-batch");
        call(c, RESULT, 200, as(READ_KEY), MODEL, "b1", "drift");
        call(c, RESULT, 400, as(READ_KEY), MODEL, "b1", "astrology");
        call(c, RESULT, 404, as(READ_KEY), MODEL, "b1", "fairness");
        call(c, SERIES, 200, as(READ_KEY).queryParam("feature", "income"), MODEL, "psi");
        call(c, SERIES, 400, as(READ_KEY), MODEL, "no.such.path");
        call(c, SERIES, 404, as(READ_KEY), NO_MODEL, "driftShare");
        call(c, MATRIX, 200, as(READ_KEY), MODEL);
        call(c, MATRIX, 400, as(READ_KEY).queryParam("value", "colour"), MODEL);
        call(c, MATRIX, 404, as(READ_KEY), NO_MODEL);
        call(c, INCIDENTS, 200, as(READ_KEY), MODEL);
        call(c, INCIDENTS, 400, as(READ_KEY).queryParam("status", "smouldering"), MODEL);
        call(c, INCIDENTS, 404, as(READ_KEY), NO_MODEL);
    }

    private void alerts(OpenApiContract c) {
        List<String> ids = call(c, ALERTS, 200, as(READ_KEY).queryParam("modelId", MODEL)).jsonPath().getList("alertId");
        call(c, ALERTS, 400, as(READ_KEY).queryParam("severity", "urgent"));
        String id = ids.get(0);
        call(c, ALERT, 200, as(READ_KEY), id);
        call(c, ALERT, 404, as(READ_KEY), NO_ID);
        call(c, ACK, 200, as(WRITE_KEY).contentType("application/json").body("{\"by\":\"maria\",\"reason\":\"seen\"}"), id);
        call(c, ACK, 400, as(WRITE_KEY).contentType("application/json").body("{not json"), id);
        call(c, ACK, 404, as(WRITE_KEY).contentType("application/json").body("{}"), NO_ID);
        call(c, ACK, 415, as(WRITE_KEY).contentType("text/plain").body("seen"), id);
        call(c, RESOLVE, 200, as(WRITE_KEY).contentType("application/json").body("{\"reason\":\"fixed\"}"), id);
        call(c, RESOLVE, 400, as(WRITE_KEY).contentType("application/json").body("[1,"), id);
        call(c, RESOLVE, 404, as(WRITE_KEY).contentType("application/json").body("{}"), NO_ID);
        call(c, RESOLVE, 409, as(WRITE_KEY).contentType("application/json").body("{}"), id);
        call(c, RESOLVE, 415, as(WRITE_KEY).contentType("text/plain").body("fixed"), id);
        call(c, ACK, 409, as(WRITE_KEY).contentType("application/json").body("{}"), id);
    }

    private void rules(OpenApiContract c) {
        call(c, RULES, 200, as(READ_KEY), MODEL);
        call(c, RULES, 400, as(READ_KEY), "Not_A_Model");
        call(c, PUT_RULES, 200, as(WRITE_KEY).contentType("application/json").header("X-User", "maria")
                .body("[{\"id\":\"drift.share\",\"path\":\"drift.driftShare\",\"comparator\":\"gt\",\"threshold\":0.5}]"),
                MODEL);
        call(c, PUT_RULES, 400, as(WRITE_KEY).contentType("application/json")
                .body("[{\"id\":\"x\",\"path\":\"drift.nothing\",\"comparator\":\"bigger\",\"threshold\":1}]"), MODEL);
        call(c, PUT_RULES, 415, as(WRITE_KEY).contentType("text/plain").body("rules"), MODEL);
    }

    private void channels(OpenApiContract c) {
        List<Object> before = call(c, CHANNELS, 200, as(READ_KEY)).jsonPath().getList("$");
        String created = call(c, ADD_CHANNEL, 201, as(WRITE_KEY).contentType("application/json").body(CHANNEL_BODY))
                .jsonPath().getString("channelId");
        call(c, ADD_CHANNEL, 400, as(WRITE_KEY).contentType("application/json").body("{\"type\":\"webhook\",\"url\":\"ftp://x\"}"));
        call(c, ADD_CHANNEL, 415, as(WRITE_KEY).contentType("text/plain").body("a channel"));
        call(c, CHANNEL, 200, as(READ_KEY), created);
        call(c, CHANNEL, 404, as(READ_KEY), "no-such-channel");
        call(c, PUT_CHANNEL, 200, as(WRITE_KEY).contentType("application/json").body(CHANNEL_BODY), created);
        call(c, PUT_CHANNEL, 400, as(WRITE_KEY).contentType("application/json").body("{\"type\":\"pigeon\"}"), created);
        call(c, PUT_CHANNEL, 404, as(WRITE_KEY).contentType("application/json").body(CHANNEL_BODY), "no-such-channel");
        call(c, PUT_CHANNEL, 415, as(WRITE_KEY).contentType("text/plain").body("x"), created);
        String all = as(READ_KEY).get("/api/v1/notification-channels").asString();
        call(c, PUT_CHANNELS, 200, as(WRITE_KEY).contentType("application/json").body(all));
        call(c, PUT_CHANNELS, 400, as(WRITE_KEY).contentType("application/json").body("[{\"type\":\"pigeon\"}]"));
        call(c, PUT_CHANNELS, 415, as(WRITE_KEY).contentType("text/plain").body("[]"));
        call(c, DELETE_CHANNEL, 204, as(WRITE_KEY), created);
        call(c, DELIVERIES, 200, as(READ_KEY));
        call(c, DELIVERIES, 400, as(READ_KEY).queryParam("status", "lost"));
        assertEquals(before.size(), as(READ_KEY).get("/api/v1/notification-channels").jsonPath().getList("$").size());
    }

    private void reports(OpenApiContract c) {
        RequestSpecification period = as(READ_KEY).queryParam("from", "2026-11-01T00:00:00Z")
                .queryParam("to", "2026-12-01T00:00:00Z");
        call(c, PERIOD, 200, period.queryParam("format", "json"), MODEL);
        call(c, PERIOD, 400, as(READ_KEY).queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z"),
                MODEL);
        call(c, PERIOD, 404, as(READ_KEY).queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z"),
                NO_MODEL);
        String schedule = call(c, ADD_SCHEDULE, 201, as(WRITE_KEY).contentType("application/json")
                .body("{\"modelId\":\"" + MODEL + "\",\"every\":\"P7D\",\"format\":\"json\"}")).jsonPath().getString("scheduleId");
        call(c, ADD_SCHEDULE, 400, as(WRITE_KEY).contentType("application/json")
                .body("{\"modelId\":\"" + MODEL + "\",\"every\":\"weekly\",\"format\":\"pdf\"}"));
        call(c, ADD_SCHEDULE, 404, as(WRITE_KEY).contentType("application/json")
                .body("{\"modelId\":\"" + NO_MODEL + "\",\"every\":\"P7D\",\"format\":\"pdf\"}"));
        call(c, SCHEDULES, 200, as(READ_KEY));
        call(c, SCHEDULES, 400, as(READ_KEY).queryParam("modelId", "Not_A_Model"));
        call(c, SCHEDULE, 200, as(READ_KEY), schedule);
        call(c, SCHEDULE, 404, as(READ_KEY), NO_ID);
        String report = call(c, RUN, 201, as(WRITE_KEY), schedule).jsonPath().getString("reportId");
        call(c, RUN, 404, as(WRITE_KEY), NO_ID);
        call(c, REPORTS, 200, as(READ_KEY), MODEL);
        call(c, REPORTS, 400, as(READ_KEY).queryParam("limit", "0"), MODEL);
        call(c, DOWNLOAD, 200, as(READ_KEY), report);
        call(c, DOWNLOAD, 404, as(READ_KEY), NO_ID);
        call(c, DELETE_SCHEDULE, 204, as(WRITE_KEY), schedule);
        call(c, DELETE_SCHEDULE, 404, as(WRITE_KEY), schedule);
    }

    /** Path parameters that reach the endpoint (a 401 or 403 comes before any of them is looked at). */
    private static Object[] params(String op) {
        long n = op.chars().filter(ch -> ch == '{').count();
        Object[] out = new Object[(int) n];
        java.util.Arrays.fill(out, "x");
        return out;
    }

    private static RequestSpecification as(String key) {
        return given().header("X-API-Key", key);
    }

    private static Response call(OpenApiContract contract, String op, int status, RequestSpecification request,
                                 Object... params) {
        return OpenApiCalls.call(contract, op, status, request, params);
    }
}
