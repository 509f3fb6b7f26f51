package io.modeltrust.alert.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.Await;
import io.modeltrust.alert.ResultSender;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The dashboard with {@link EdgeScenario}'s data in headless Chromium: a multiclass batch shows its confusion
 * matrix as a heat map and its per-class figures, the model page offers the multiclass metrics; a 5,000-character
 * category value (a feature, a fairness group, so alert subjects) is cut to fit in every table and heading, with
 * the whole value in the tooltip. Expected figures are scikit-learn 1.2.1's for the scenario's matrices.
 */
@QuarkusTest
class DashboardEdgeCasesBrowserTest {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String MULTICLASS = "dash-mc-" + SUFFIX;
    private static final String LONG_MODEL = "dash-long-" + SUFFIX;
    private static Browser browser;
    private static boolean fed;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void scenario() {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        if (!fed) {
            try (ResultSender sender = new ResultSender()) {
                int multiclass = EdgeScenario.sendMulticlass(sender, MULTICLASS);
                int longValues = EdgeScenario.sendLong(sender, LONG_MODEL);
                awaitResults(MULTICLASS, multiclass);
                awaitResults(LONG_MODEL, longValues);
            }
            fed = true;
        }
        if (browser == null) {
            browser = new Browser(base.toString());
        }
    }

    private static void awaitResults(String model, int sent) {
        Await.until("the " + sent + " results of " + model, Duration.ofSeconds(60), () -> {
            var r = given().get("/api/v1/models/" + model);
            return r.statusCode() == 200 && r.jsonPath().getInt("results") == sent;
        });
    }

    @AfterEach
    void noPageErrors() {
        if (browser != null) {
            assertEquals(List.of(), browser.pageErrors(), "errors in the page (a refused inline style counts)");
        }
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void multiclassBatchShowsTheConfusionHeatMapAndPerClassFigures() {
        browser.open("/models/" + MULTICLASS + "/batches/mc2", "batch");
        assertEquals("Batch #2 · 2026-11-22 02:00", browser.find("h1").getText());
        assertEquals("batch mc2", browser.find("h1").getAttribute("title"));
        WebElement heat = browser.find("table.cm-heat");
        assertEquals("3", heat.getAttribute("data-classes"));
        assertEquals(List.of("true ↓ predicted →", "setosa", "versicolor", "virginica", "Rows"),
                heat.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList());
        assertEquals(List.of("setosa", "versicolor", "virginica"),
                heat.findElements(By.cssSelector("tbody th")).stream().map(WebElement::getText).toList());
        assertEquals(9, heat.findElements(By.cssSelector("td.cm-cell")).size());
        assertTrue(heat.getText().contains("over 3 classes: 90 of 120 labelled rows on the diagonal"), heat.getText());

        WebElement confused = cell("versicolor", "virginica");
        assertEquals("18\n36%", confused.getText());
        assertEquals("true versicolor, predicted virginica: 18 of 50 rows (36.0%)", confused.getAttribute("title"));
        assertEquals("0.36", browser.js("return arguments[0].style.getPropertyValue('--share')", confused));
        // The shade follows the row-normalised share: the larger the share, the darker the cell.
        double diagonal = luminance(cell("setosa", "setosa"));
        double share36 = luminance(confused);
        double empty = luminance(cell("setosa", "virginica")); // 1 of 50
        assertTrue(diagonal < share36 && share36 < empty, diagonal + " < " + share36 + " < " + empty);
        assertTrue(cell("setosa", "setosa").getAttribute("class").contains("diag"));
        assertEquals(List.of("50", "50", "20"), browser.all("table.cm-heat td.support").stream().map(WebElement::getText).toList());

        assertEquals("versicolor 0.7895 0.6 0.6818 50", browser.find("table.per-class tr[data-class=versicolor]").getText());
        assertEquals("virginica 0.4412 0.75 0.5556 20", browser.find("table.per-class tr[data-class=virginica]").getText());
        assertTrue(browser.find("tr[data-metric=macroF1]").getText().startsWith("macro F1 0.7186"));
        assertTrue(browser.find("tr[data-metric=weightedF1]").getText().startsWith("weighted F1 0.7593"));
        assertTrue(browser.find("tr[data-metric=rocAucOvr]").getText().startsWith("ROC AUC (one-vs-rest) 0.91"));
        assertTrue(browser.all("table.cm").isEmpty(), "no binary 2 × 2 matrix for a multiclass model");
        browser.screenshot("09-batch-multiclass");
    }

    @Test
    void multiclassModelOffersTheMulticlassMetrics() {
        browser.open("/models/" + MULTICLASS + "?metric=weightedF1", "model");
        List<WebElement> options = browser.find("#metric-select").findElements(By.tagName("option"));
        assertEquals(List.of("accuracy", "macroPrecision", "macroRecall", "macroF1", "weightedPrecision", "weightedRecall",
                "weightedF1", "rocAucOvr", "logLoss"), options.stream().map(o -> o.getAttribute("value")).toList());
        assertEquals("weightedF1", browser.find("#metric-select").getAttribute("value"));
        assertEquals("0.759", browser.find("[data-tile=performance] .tile-value").getText(), "weighted F1 of mc2");
        assertEquals("weighted F1 (realised)", browser.find("[data-tile=performance] .tile-label").getText());
        String line = browser.find("[data-chart=performance] path[data-series='weighted F1 realised']").getAttribute("d");
        assertTrue(line.startsWith("M") && line.contains("L"), "both batches drawn: " + line);
        assertEquals("#2", browser.find("[data-tile=last-batch] .tile-value").getText());
        browser.screenshot("10-model-multiclass");
    }

    @Test
    void aFiveThousandCharacterValueIsCutToFitWithTheWholeValueInTheTooltip() {
        String subject = "sex=" + EdgeScenario.LONG;
        Await.until("the alerts on the long value", Duration.ofSeconds(30), () -> given()
                .get("/api/v1/alerts?modelId=" + LONG_MODEL + "&status=open").jsonPath().getList("subject").contains(subject));
        for (int width : List.of(1400, 1000)) {
            browser.driver.manage().window().setSize(new Dimension(width, 1000));
            browser.open("/alerts?modelId=" + LONG_MODEL + "&status=active", "alerts");
            fitsTheViewport("alerts, " + width + " px wide");
            List<String> titles = titles("table.alerts .clip");
            assertTrue(titles.contains(subject) && titles.contains(EdgeScenario.LONG), "subjects in tooltips");
            WebElement cut = browser.find("table.alerts .clip[title='" + subject + "']");
            assertTrue((Long) browser.js("return arguments[0].scrollWidth", cut) > cut.getSize().getWidth(), "cut, not wrapped");
            assertEquals("ellipsis", browser.js("return getComputedStyle(arguments[0]).textOverflow", cut));
        }
        browser.driver.manage().window().setSize(new Dimension(1400, 1000));

        browser.open("/models/" + LONG_MODEL + "/batches/long1", "batch");
        browser.find("details summary").click(); // "All features"
        fitsTheViewport("batch page");
        assertEquals(EdgeScenario.LONG, browser.find("article.feature-card[data-feature^='segment_'] h3.clip").getAttribute("title"));
        assertTrue(titles("table .clip").contains(EdgeScenario.LONG), "feature, column and group cells");
        assertEquals(EdgeScenario.LONG, browser.find("article.attribute tr[data-group^='segment_'] th .clip").getAttribute("title"));
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("11-batch-long-values");

        String alert = given().get("/api/v1/alerts?modelId=" + LONG_MODEL + "&rule=data_quality.missing-share")
                .jsonPath().getString("[0].alertId");
        browser.open("/alerts/" + alert, "alert");
        fitsTheViewport("alert page");
        assertEquals("data_quality.missing-share · " + EdgeScenario.LONG, browser.find("h1").getAttribute("title"));
        assertTrue(browser.driver.getTitle().length() < 100, "the document title is cut too");

        browser.open("/models/" + LONG_MODEL, "model");
        fitsTheViewport("model page");
    }

    private static WebElement cell(String truth, String predicted) {
        return browser.find("table.cm-heat td.cm-cell[data-true='" + truth + "'][data-predicted='" + predicted + "']");
    }

    private static double luminance(WebElement el) {
        String rgb = (String) browser.js("return getComputedStyle(arguments[0]).backgroundColor", el);
        // "rgb(r, g, b)" or, from color-mix, "color(srgb r g b)" with components in [0, 1]
        String[] parts = rgb.replaceAll("[^0-9. ]", " ").trim().split("\\s+");
        double scale = rgb.startsWith("color(") ? 1 : 255;
        return (0.2126 * Double.parseDouble(parts[0]) + 0.7152 * Double.parseDouble(parts[1])
                + 0.0722 * Double.parseDouble(parts[2])) / scale;
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(String css) {
        return (List<String>) browser.js("return [...document.querySelectorAll(arguments[0])].map(e => e.title)", css);
    }

    /**
     * No horizontal scrolling, and no visible element of the page ends outside the viewport (a table-wrap that
     * scrolls would hide a too-wide table from the first check). A failure names the innermost elements that stick out.
     */
    private static void fitsTheViewport(String where) {
        long viewport = (Long) browser.js("return document.documentElement.clientWidth");
        @SuppressWarnings("unchecked")
        List<String> outside = (List<String>) browser.js("""
                const out = e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > arguments[0] + 0.5;
                return [...document.querySelectorAll('main *')]
                  .filter(e => out(e) && ![...e.children].some(out) && !e.closest('.clip'))
                  .slice(0, 5)
                  .map(e => e.tagName + '.' + e.className + ' in ' + e.parentElement.tagName + '.' + e.parentElement.className
                    + ' right ' + Math.round(e.getBoundingClientRect().right))""", viewport);
        assertEquals(List.of(), outside, where + ": wider than the viewport of " + viewport + " px");
        long page = (Long) browser.js("return document.documentElement.scrollWidth");
        assertTrue(page <= viewport, where + ": the page scrolls sideways, " + page + " > " + viewport);
    }
}
