package io.modeltrust.alert.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.Await;
import io.modeltrust.alert.ResultSender;
import io.modeltrust.alert.Results;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The model page's Reports card in headless Chromium: the list shows a report a schedule made, and
 * "Download report" fetches the period's PDF (with the API key the page holds) and hands it over as a file.
 */
@QuarkusTest
class ReportsCardBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void downloadReportAndTheReportsList() {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        String model = "dash-report-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (ResultSender sender = new ResultSender()) {
            for (int b = 1; b <= 2; b++) {
                sender.send(Results.drift(model, "b" + b, now.minus(Duration.ofHours(3 - b)), List.of("income")));
            }
        }
        Await.until("two batches", Duration.ofSeconds(60), () -> {
            var r = given().get("/api/v1/models/" + model + "/batches");
            return r.statusCode() == 200 && r.jsonPath().getList("$").size() == 2;
        });
        String schedule = given().contentType("application/json").body(Map.of("modelId", model, "every", "P7D", "format", "pdf"))
                .post("/api/v1/report-schedules").then().statusCode(201).extract().path("scheduleId");
        given().post("/api/v1/report-schedules/" + schedule + "/run").then().statusCode(201);
        try (Browser browser = new Browser(base.toString())) {
            browser.open("/models/" + model, "model");
            assertEquals("Reports", browser.find("#reports-title").getText());
            assertEquals(1, browser.all("table.reports-list tbody tr").size());
            assertTrue(browser.find("table.reports-list tbody tr").getText().contains("PDF"));
            browser.find("#report-download").click();
            String status = browser.until(d -> {
                String t = d.findElement(org.openqa.selenium.By.cssSelector(".report-status")).getText();
                return t.startsWith("Downloaded") || t.contains("Error") ? t : null;
            });
            assertTrue(status.startsWith("Downloaded " + model + "-report-") && status.endsWith(".pdf"), status);
            browser.screenshot("model-reports-card");
            assertEquals(List.of(), browser.pageErrors());
        } finally {
            given().delete("/api/v1/report-schedules/" + schedule).then().statusCode(204);
        }
    }
}
