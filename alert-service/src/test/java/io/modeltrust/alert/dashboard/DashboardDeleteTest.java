package io.modeltrust.alert.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.modeltrust.alert.Await;
import io.modeltrust.alert.ResultSender;
import io.modeltrust.alert.Results;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * "Delete this model" on the dashboard's model page: the button stays disabled until the model id is typed,
 * then alert-service forwards the DELETE to ingest (here a recording stand-in at alert.ingest-url) with the
 * caller's key, and passes ingest's answer back, 404 included; an unreachable ingest is a 503.
 */
@QuarkusTest
@TestProfile(DashboardDeleteTest.FakeIngest.class)
class DashboardDeleteTest {

    /**
     * The stand-in for ingest. Quarkus loads this class twice (the profile and the test instance), so what it
     * received is echoed in its answer rather than kept in a field: the method goes in kind, the key in actor.
     */
    private static final HttpServer INGEST = startIngest();

    public static class FakeIngest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("alert.ingest-url", "http://127.0.0.1:" + INGEST.getAddress().getPort());
        }
    }

    @TestHTTPResource("/")
    URL base;

    private static HttpServer startIngest() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/models/", exchange -> {
                String path = exchange.getRequestURI().getRawPath();
                String key = exchange.getRequestHeaders().getFirst("X-API-Key");
                String model = path.substring("/api/v1/models/".length());
                boolean known = !model.startsWith("unknown");
                String kind = exchange.getRequestMethod().equals("DELETE") ? "model_deleted" : exchange.getRequestMethod();
                byte[] body = (known
                        ? "{\"eventId\":\"e-1\",\"kind\":\"" + kind + "\",\"modelId\":\"" + model + "\",\"batchId\":null,"
                        + "\"actor\":\"" + (key == null ? "no-key" : key) + "\",\"at\":\"2026-12-03T08:00:00Z\","
                        + "\"publishedAt\":\"2026-12-03T08:00:00Z\"}"
                        : "{\"title\":\"Not found\",\"status\":404,\"detail\":\"no model " + model + " is registered\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", known ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(known ? 202 : 404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopIngest() {
        INGEST.stop(0);
    }

    @Test
    void theProxyForwardsTheKeyAndPassesIngestsAnswerBack() {
        given().header("X-API-Key", "k-1").delete("/api/v1/models/credit").then().statusCode(202)
                .contentType("application/json").body("kind", org.hamcrest.Matchers.equalTo("model_deleted"))
                .body("modelId", org.hamcrest.Matchers.equalTo("credit")).body("actor", org.hamcrest.Matchers.equalTo("k-1"));
        given().delete("/api/v1/models/unknown-1").then().statusCode(404)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("unknown-1"));
    }

    @Test
    void theModelPageDeletesOnlyAfterTheIdIsTyped() {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        String model = "dash-del-" + UUID.randomUUID().toString().substring(0, 8);
        try (ResultSender sender = new ResultSender()) {
            sender.send(Results.drift(model, "b1", Instant.parse("2026-11-20T01:00:00Z"), List.of()));
        }
        Await.until("the model's result", Duration.ofSeconds(60),
                () -> given().get("/api/v1/models/" + model).statusCode() == 200);
        try (Browser browser = new Browser(base.toString())) {
            browser.open("/models/" + model, "model");
            WebElement button = browser.find("#delete-model");
            WebElement input = browser.find("#delete-confirm");
            assertFalse(button.isEnabled(), "nothing typed yet");
            input.sendKeys(model.substring(0, model.length() - 1));
            assertFalse(button.isEnabled(), "not quite the id");
            input.sendKeys(model.substring(model.length() - 1));
            assertTrue(button.isEnabled(), "the id typed");
            button.click();
            String status = browser.until(d -> {
                String text = d.findElement(org.openqa.selenium.By.cssSelector(".delete-status")).getText();
                return text.startsWith("Deleted") ? text : null;
            });
            assertTrue(status.startsWith("Deleted by no-key at "), "ingest's answer reached the page: " + status);
            assertEquals(List.of(), browser.pageErrors(), "errors in the page");
        }
    }

    @Test
    void anUnreachableIngestIsNoAnswer() {
        // The forwarder alone, on a port nobody listens on: no answer, which the resource turns into a 503.
        io.modeltrust.alert.config.AlertConfig nowhere = (io.modeltrust.alert.config.AlertConfig)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[]{io.modeltrust.alert.config.AlertConfig.class}, (proxy, method, args) -> {
                            if (method.getName().equals("ingestUrl")) {
                                return "http://127.0.0.1:1";
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });
        assertEquals(null, new io.modeltrust.alert.deletion.IngestDeletions(nowhere).deleteModel("credit", null));
    }
}
