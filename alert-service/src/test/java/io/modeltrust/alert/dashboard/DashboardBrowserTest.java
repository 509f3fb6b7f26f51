package io.modeltrust.alert.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.Await;
import io.modeltrust.alert.ResultSender;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in headless Chromium against the running service, fed by {@link DashboardScenario}
 * through the real broker: each page shows the scenario's numbers, an alert acknowledged from the
 * page (by keyboard) is acknowledged in the API, one resolved with a note carries the note, and the
 * rule editor shows the API's validation message. A screenshot of every page goes to
 * target/dashboard-screenshots/. Skipped when chromium or chromedriver is missing.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final String MODEL = "dash-" + UUID.randomUUID().toString().substring(0, 8);
    private static Browser browser;
    private static boolean fed;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void scenario() {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing); // each test is reported as skipped, with the reason
        if (!fed) {
            int sent;
            try (ResultSender sender = new ResultSender()) {
                sent = DashboardScenario.send(sender, MODEL);
            }
            Await.until("the scenario's " + sent + " results", Duration.ofSeconds(60), () -> {
                var r = given().get("/api/v1/models/" + MODEL);
                return r.statusCode() == 200 && r.jsonPath().getInt("results") == sent;
            });
            fed = true;
        }
        if (browser == null) {
            browser = new Browser(base.toString());
        }
    }

    @AfterEach
    void noPageErrors() {
        if (browser != null) {
            assertEquals(List.of(), browser.pageErrors(), "errors in the page");
        }
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private static String text(String css) {
        return browser.find(css).getText();
    }

    @Test
    @Order(1)
    void overviewShowsEachModelsStateAndOpenAlerts() {
        browser.open("/", "overview");
        Map<String, Integer> open = given().get("/api/v1/models/" + MODEL).jsonPath().getMap("openAlerts");
        assertTrue(open.get("critical") >= 1 && open.get("warning") >= 1, "the scenario leaves alerts open: " + open);
        String row = "tr[data-model='" + MODEL + "'] ";
        String alerts = text(row + "td[data-col=alerts]");
        for (String severity : List.of("critical", "warning", "info")) {
            assertTrue(alerts.contains(open.get(severity) + " " + severity), alerts);
        }
        // Batches are named by position and time, the id on hover.
        assertEquals("#6 · 2026-11-20 06:00", text(row + "td[data-col=last-batch]"));
        assertEquals("batch b6", browser.find(row + "td[data-col=last-batch] a").getAttribute("title"));
        assertTrue(text(row + "td[data-col=drift]").startsWith("20%"), "latest drift share");
        String perf = text(row + "td[data-col=performance]");
        assertTrue(perf.contains("accuracy 0.87") && perf.contains("labelled up to #4 · 2026-11-20 04:00"), perf);
        String fairness = text(row + "td[data-col=fairness]");
        assertTrue(fairness.startsWith("0.6") && fairness.contains("(sex)"), fairness);
        assertTrue(browser.find(row + "td[data-col=fairness]").getAttribute("class").contains("bad"), "below 0.8 is marked");
        assertEquals(3, browser.all(row + "svg.spark").size(), "a sparkline per figure");
        browser.screenshot("01-overview");
    }

    @Test
    @Order(2)
    void modelPageDrawsChartsHeatMapAndTimelineAndOpensABatchByKeyboard() {
        browser.open("/models/" + MODEL, "model");
        assertEquals("20%", text("[data-tile=drift] .tile-value"));
        assertEquals("0.87", text("[data-tile=performance] .tile-value"));
        assertEquals("0%", text("[data-tile=coverage] .tile-value"));
        assertEquals("#6", text("[data-tile=last-batch] .tile-value"));
        assertEquals("batch #4 · 2026-11-20 04:00", text("[data-tile=performance] .tile-extra"), "the last labelled batch");
        WebElement performance = browser.find("[data-chart=performance] svg");
        assertEquals(3, performance.findElements(By.cssSelector("path[data-series]")).size(), "realised, estimated, baseline");
        assertFalse(performance.findElements(By.cssSelector("path.band")).get(0).getAttribute("d").isEmpty(), "interval band");
        assertEquals(1, performance.findElements(By.cssSelector("rect.shade")).size(), "b5–b6 await labels");
        assertEquals("2", browser.find("[data-labels-late]").getAttribute("data-labels-late"));
        browser.find("[data-chart=label-coverage] svg");
        browser.find("[data-chart=drift-share] svg");
        WebElement multivariate = browser.find("[data-chart=multivariate] svg");
        assertEquals(1, multivariate.findElements(By.cssSelector("path[data-series]")).size(), "the reconstruction error");
        assertFalse(multivariate.findElements(By.cssSelector("path.band")).get(0).getAttribute("d").isEmpty(), "its band");
        assertTrue(browser.find("[data-chart=fairness]").getText().contains("0.8 (80% rule)"));
        WebElement heat = browser.find("canvas.heatmap");
        assertEquals("5", heat.getAttribute("data-features"));
        assertEquals("6", heat.getAttribute("data-batches"));
        assertEquals("9", heat.getAttribute("data-drifted-cells"), "income in 6 batches, age in 3");
        assertTrue(browser.all("svg.timeline a").size() >= 3, "alert bars link to alerts");
        List<WebElement> incidents = browser.all("ol.incidents li.incident");
        assertFalse(incidents.isEmpty(), "the model's overlapping alerts show as incidents");
        String story = incidents.get(0).findElement(By.cssSelector("p.explanation")).getText();
        assertTrue(story.contains("drifted since batch #"), story);
        browser.screenshot("02-model");

        heat.sendKeys(Keys.HOME); // focus lands on the newest batch of the first feature; Home goes to the oldest
        String readout = browser.find("canvas.heatmap").findElement(By.xpath("ancestor::figure//div[@class='readout']")).getText();
        assertTrue(readout.startsWith("income · batch #1 · 2026-11-20 01:00") && readout.contains("psi 0.42, drifted"), readout);
        heat.sendKeys(Keys.ENTER);
        browser.waitReady("batch");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/batches/b1"));
    }

    @Test
    @Order(3)
    void batchPageRendersTheReportForPeople() {
        browser.open("/models/" + MODEL + "/batches/b1", "batch");
        assertEquals("Batch #1 · 2026-11-20 01:00", text("h1"));
        assertEquals("batch b1", browser.find("h1").getAttribute("title"));
        String card = "article.feature-card[data-feature=income] ";
        assertEquals(DashboardScenario.INCOME_EXPLANATION, text(card + ".explanation"));
        assertEquals(3, browser.find(card + "svg.bins").findElements(By.cssSelector("rect.bar-prod")).size(), "a bar pair per top bin");
        browser.find(card + "svg.strip");
        assertEquals(2, browser.all("article.feature-card").size(), "income and age drifted in b1");
        String multivariate = text("article.multivariate[data-multivariate=stable]");
        assertTrue(multivariate.contains("0.87") && multivariate.contains("0.75 – 0.88"), multivariate);
        assertEquals(List.of("income", "age"), browser.all("article.multivariate ol.contributors li").stream()
                .map(WebElement::getText).toList(), "the contributors, in order");
        String female = text("article.attribute[data-attribute=sex] tr[data-group=female]");
        assertTrue(female.contains("0.3") && female.contains("0.26 – 0.34"), female);
        assertTrue(text("tr[data-metric=accuracy]").contains("0.78 – 0.82"), "accuracy with its interval");
        assertTrue(browser.find("body").getText().contains("Accuracy on purpose=car is 0.7"), "worst slice");
        int alerts = given().get("/api/v1/models/" + MODEL + "/batches/b1/report").jsonPath().getList("alerts").size();
        assertEquals(alerts, browser.all("tr[data-alert-id]").size(), "the batch's alerts");
        browser.screenshot("03-batch");
        // The alert links to its page, which links back to the batch that raised it.
        browser.find("tr[data-alert-id] a").click();
        browser.waitReady("alert");
        WebElement back = browser.find("a.batch-link[data-batch-id=b1]");
        assertEquals("#1 · 2026-11-20 01:00", back.getText());
        back.click();
        browser.waitReady("batch");
    }

    @Test
    @Order(4)
    void alertsPageAcknowledgesByKeyboardAndResolvesWithANote() {
        browser.open("/alerts?modelId=" + MODEL + "&status=open", "alerts");
        WebElement actor = browser.find("#actor");
        actor.clear();
        actor.sendKeys("ana", Keys.TAB);
        String critical = given().get("/api/v1/alerts?modelId=" + MODEL + "&rule=fairness.disparate-impact").jsonPath().getString("[0].alertId");
        String row = "tr.alert-row[data-alert-id='" + critical + "']";
        browser.find(row + " button.ack").sendKeys(Keys.ENTER);
        browser.until(d -> "acknowledged".equals(browser.find(row).getAttribute("data-status")));
        JsonPath after = given().get("/api/v1/alerts/" + critical).then().statusCode(200).extract().jsonPath();
        assertEquals("acknowledged", after.getString("alert.status"));
        assertEquals("ana", after.getString("alert.acknowledgedBy"));
        assertEquals("ana", after.getString("audit[-1].actor"));
        browser.find(row + " button.history").click(); // the audit trail, in the list
        String trail = browser.until(d -> {
            List<WebElement> rows = browser.all(row + " + tr + tr.audit-row tr[data-transition=acknowledged]");
            return rows.isEmpty() ? null : rows.get(0).getText();
        });
        assertTrue(trail.contains("open") && trail.contains("ana"), trail);
        browser.screenshot("04-alerts");

        String parity = given().get("/api/v1/alerts?modelId=" + MODEL + "&rule=fairness.statistical-parity").jsonPath().getString("[0].alertId");
        String parityRow = "tr.alert-row[data-alert-id='" + parity + "']";
        browser.find(parityRow + " button.resolve").click();
        WebElement note = browser.find("#note-" + parity);
        assertEquals(note, browser.driver.switchTo().activeElement(), "the note field takes focus");
        note.sendKeys("Seasonal campaign; reviewed with the credit team");
        note.findElement(By.xpath("ancestor::form//button[@type='submit']")).click();
        browser.until(d -> "resolved".equals(browser.find(parityRow).getAttribute("data-status")));
        JsonPath resolved = given().get("/api/v1/alerts/" + parity).jsonPath();
        assertEquals("resolved", resolved.getString("alert.status"));
        assertEquals("Seasonal campaign; reviewed with the credit team", resolved.getString("alert.resolveReason"));

        browser.open("/alerts/" + critical, "alert");
        String audit = text("table.audit");
        assertTrue(audit.contains("acknowledged") && audit.contains("ana"), audit);
        browser.screenshot("05-alert");
    }

    @Test
    @Order(5)
    void ruleEditorShowsTheApisValidationMessage() {
        browser.open("/models/" + MODEL + "/rules", "rules");
        WebElement path = browser.find("#rule-1-path");
        String before = path.getAttribute("value");
        path.clear();
        path.sendKeys("drift.features.*.flux");
        browser.find("#save-rules").click();
        WebElement summary = browser.until(d -> {
            WebElement s = browser.find(".error-summary");
            return s.isDisplayed() ? s : null;
        });
        assertTrue(summary.getText().contains("(400)") && summary.getText().contains("Rule 1, path: unknown field 'flux'"),
                summary.getText());
        assertEquals("true", browser.find("#rule-1-path").getAttribute("aria-invalid"));
        assertTrue(text(".field-error").startsWith("unknown field 'flux'"));
        assertEquals(before, given().get("/api/v1/models/" + MODEL + "/alert-rules").jsonPath().getString("rules[0].path"),
                "nothing was saved");
        browser.screenshot("06-rules");
    }

    @Test
    @Order(6)
    void darkTheme() {
        browser.open("/models/" + MODEL, "model");
        WebElement toggle = browser.find("#theme-toggle");
        while (!toggle.getText().equals("Theme: dark")) {
            toggle.click();
        }
        assertEquals("rgb(16, 19, 25)", browser.js("return getComputedStyle(document.body).backgroundColor"));
        browser.screenshot("07-model-dark");
        browser.open("/", "overview");
        browser.screenshot("08-overview-dark");
        while (!toggle.getText().equals("Theme: system")) {
            browser.find("#theme-toggle").click();
        }
    }
}
