package io.modeltrust.alert.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.Await;
import io.modeltrust.alert.ResultSender;
import io.modeltrust.alert.Results;
import io.modeltrust.alert.dashboard.Browser;
import io.modeltrust.security.ApiKeyRing;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * With API keys configured: a read key reads the history API, alerts, rules and channels but cannot acknowledge,
 * resolve, replace rules, or add, replace or delete channels (403); a write key can, and is the audit actor when no X-User is given;
 * no key is a 401. The dashboard's files load without a key and its pages ask for one on a 401 or 403.
 */
@QuarkusTest
@TestProfile(ApiKeyTest.WithKeys.class)
class ApiKeyTest {

    static final String WRITE_KEY = "alert-test-write-Q7mZ2kV9xP4tL1sB";
    static final String READ_KEY = "alert-test-read-Fh3nR8cY5wE0uJ6d";
    private static final String MODEL = "keys-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PARITY = "fairness.statistical-parity";

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api.keys", "ops-writer:write:" + ApiKeyRing.sha256Hex(WRITE_KEY)
                    + ",dash-reader:read:" + ApiKeyRing.sha256Hex(READ_KEY));
        }
    }

    @TestHTTPResource("/")
    URL base;

    private static RequestSpecification as(String key) {
        return key == null ? given() : given().header("X-API-Key", key);
    }

    private static boolean fed;

    @BeforeEach
    void twoOpenAlerts() { // not @BeforeAll: RestAssured knows the test port only once the application runs
        if (fed) {
            return;
        }
        try (ResultSender sender = new ResultSender()) {
            sender.send(Results.fairness(MODEL, "b1", Instant.parse("2026-11-21T00:00:00Z"), 0.3, 0.001));
        }
        Await.until("two alerts of " + MODEL, WAIT, () -> alerts().size() == 2);
        fed = true;
    }

    private static List<String> alerts() {
        return as(READ_KEY).get("/api/v1/alerts?modelId=" + MODEL).then().statusCode(200).extract().jsonPath().getList("alertId");
    }

    /** The write test changes the disparate-impact alert; the read and browser tests try the parity one. */
    private static String alert(String rule) {
        return as(READ_KEY).get("/api/v1/alerts?modelId=" + MODEL + "&rule=" + rule).then().statusCode(200).body("", hasSize(1))
                .extract().path("[0].alertId");
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith("application/problem+json")).body("status", equalTo(status))
                .body(not(containsString(WRITE_KEY))).body(not(containsString(READ_KEY)));
    }

    @Test
    void withoutAKeyTheApiIs401ButTheDashboardFilesAndOperationsEndpointsLoad() {
        problem(given().get("/api/v1/alerts").then(), 401).header("WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
        problem(given().get("/api/v1/models/" + MODEL + "/batches").then(), 401);
        problem(given().post("/api/v1/alerts/" + alert(PARITY) + "/acknowledge").then(), 401);
        problem(as("nope").get("/api/v1/alerts").then(), 401);
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"));
        given().get("/js/api.js").then().statusCode(200);
        given().get("/app.css").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aReadKeyReadsEverythingButChangesNothing() {
        as(READ_KEY).get("/api/v1/models").then().statusCode(200);
        as(READ_KEY).get("/api/v1/models/" + MODEL + "/batches").then().statusCode(200).body("", hasSize(1));
        as(READ_KEY).get("/api/v1/models/" + MODEL + "/batches/b1/report").then().statusCode(200);
        as(READ_KEY).get("/api/v1/models/" + MODEL + "/alert-rules").then().statusCode(200);
        as(READ_KEY).get("/api/v1/notification-channels").then().statusCode(200);
        String alert = alert(PARITY);
        as(READ_KEY).get("/api/v1/alerts/" + alert).then().statusCode(200).body("alert.status", equalTo("open"));

        problem(as(READ_KEY).contentType("application/json").body("{}").post("/api/v1/alerts/" + alert + "/acknowledge").then(), 403)
                .body("title", equalTo("Forbidden")).body("detail", containsString("'dash-reader' has the read role"));
        problem(as(READ_KEY).contentType("application/json").body("{}").post("/api/v1/alerts/" + alert + "/resolve").then(), 403);
        problem(as(READ_KEY).contentType("application/json").body("[]").put("/api/v1/models/" + MODEL + "/alert-rules").then(), 403);
        problem(as(READ_KEY).contentType("application/json").body("[]").put("/api/v1/notification-channels").then(), 403);
        String mail = "{\"type\": \"email\", \"to\": \"ops@example.com\"}";
        problem(as(READ_KEY).contentType("application/json").body(mail).post("/api/v1/notification-channels").then(), 403);
        problem(as(READ_KEY).contentType("application/json").body(mail).put("/api/v1/notification-channels/x").then(), 403);
        problem(as(READ_KEY).delete("/api/v1/notification-channels/x").then(), 403);
        problem(as(READ_KEY).get("/api/v1/notification-channels/x").then(), 404); // read: allowed, and there is none
        as(READ_KEY).get("/api/v1/alerts/" + alert).then().statusCode(200).body("alert.status", equalTo("open"))
                .body("audit.transition", equalTo(List.of("opened")));
    }

    @Test
    void aWriteKeyChangesAndIsTheAuditActorWithoutXUser() {
        String alert = alert("fairness.disparate-impact");
        as(WRITE_KEY).contentType("application/json").body("{\"reason\":\"looking\"}").post("/api/v1/alerts/" + alert + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("acknowledged")).body("acknowledgedBy", equalTo("ops-writer"));
        as(WRITE_KEY).header("X-User", "bo").contentType("application/json").body("{}").post("/api/v1/alerts/" + alert + "/resolve")
                .then().statusCode(200).body("resolvedBy", equalTo("bo"));
        as(WRITE_KEY).get("/api/v1/alerts/" + alert).then().body("audit.actor", equalTo(List.of("system", "ops-writer", "bo")));

        Map<String, Object> rules = as(WRITE_KEY).get("/api/v1/models/" + MODEL + "/alert-rules").then().statusCode(200)
                .extract().jsonPath().getMap("");
        as(WRITE_KEY).contentType("application/json").body(Map.of("rules", rules.get("rules")))
                .put("/api/v1/models/" + MODEL + "/alert-rules").then().statusCode(200);
        as(WRITE_KEY).contentType("application/json").body("[]").put("/api/v1/notification-channels").then().statusCode(200);
        String channel = as(WRITE_KEY).contentType("application/json").body("{\"type\": \"email\", \"to\": \"ops@example.com\"}")
                .post("/api/v1/notification-channels").then().statusCode(201).extract().path("channelId");
        as(READ_KEY).get("/api/v1/notification-channels/" + channel).then().statusCode(200).body("type", equalTo("email"));
        as(WRITE_KEY).delete("/api/v1/notification-channels/" + channel).then().statusCode(204);
    }

    @Test
    void theDashboardAsksForAKeyOn401AndSaysAWriteKeyIsNeededOn403() {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        try (Browser browser = new Browser(base.toString())) {
            browser.driver.get(base + "#/");
            browser.until(d -> "error".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            String box = browser.find("[data-auth='401']").getText();
            assertTrue(box.contains("An API key is needed") && box.contains("read role"), box);
            browser.screenshot("keys-00-no-key");
            browser.find("[data-auth='401'] button.key-prompt").click();
            var prompt = browser.until(d -> d.switchTo().alert());
            prompt.sendKeys(READ_KEY);
            prompt.accept();
            browser.waitReady("overview");
            assertTrue(browser.find("tr[data-model='" + MODEL + "']").isDisplayed(), "the overview shows the model with the read key");
            browser.screenshot("keys-01-overview-with-read-key");

            String alert = alert(PARITY);
            browser.open("/alerts/" + alert, "alert");
            browser.find("#ack-button").click();
            String denied = browser.find("[data-auth='403']").getText();
            assertTrue(denied.contains("write role"), denied);
            assertEquals("open", as(READ_KEY).get("/api/v1/alerts/" + alert).jsonPath().getString("alert.status"));
            browser.screenshot("keys-02-acknowledge-with-read-key");
            assertEquals(List.of(), browser.pageErrors(), "errors in the page");
        }
    }
}
