package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.alert.report.Fmt;
import io.modeltrust.alert.report.PdfText;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/models/{modelId}/report through the real broker and database: six batches in which income
 * drifts from batch 3 and accuracy and the female selection rate fall from batch 4. The JSON, HTML and PDF
 * name the model, the drifted feature and every rule that fired, and show the parity ratio the fairness
 * result reports; bad periods and formats are 400 problem+json, an unknown model 404.
 */
@QuarkusTest
class ReportApiTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final String FROM = "2026-10-01T00:00:00Z";
    private static final String TO = "2026-10-02T00:00:00Z";
    private static ResultSender sender;
    private static String model;

    @BeforeAll
    static void open() {
        sender = new ResultSender();
    }

    /** The period's results, sent once for all tests (RestAssured knows the test port only inside a test). */
    private static synchronized void sent() {
        if (model != null) {
            return;
        }
        model = "report-" + UUID.randomUUID().toString().substring(0, 8);
        for (int b = 1; b <= 6; b++) {
            Instant at = T0.plus(Duration.ofHours(b));
            sender.send(Results.drift(model, "b" + b, at, b >= 3 ? List.of("income") : List.of()));
            sender.send(Results.performance(model, "b" + b, at, 1, b >= 4 ? 0.70 : 0.87, 0.02, 0.9));
            sender.send(Results.fairness(model, "b" + b, at, b >= 4 ? 0.30 : 0.48, b >= 4 ? 1e-6 : 0.6));
        }
        Await.value("drift, accuracy and fairness alerts", Duration.ofSeconds(90),
                () -> given().get("/api/v1/alerts?modelId=" + model + "&limit=100").then().statusCode(200).extract().jsonPath(),
                j -> j.getList("rule").containsAll(List.of("drift.features", "performance.accuracy-drop",
                        "fairness.disparate-impact")) && given().get("/api/v1/models/" + model + "/batches").then()
                        .extract().jsonPath().getList("results.fairness").size() == 6);
    }

    @AfterAll
    static void close() {
        sender.close();
    }

    private static String url(String query) {
        sent();
        return "/api/v1/models/" + model + "/report?from=" + FROM + "&to=" + TO + query;
    }

    private static Set<String> firedRules() {
        return new LinkedHashSet<>(given().get("/api/v1/alerts?modelId=" + model + "&limit=100").then().statusCode(200)
                .extract().jsonPath().getList("rule", String.class));
    }

    private static double apiParityRatio() {
        return given().get("/api/v1/models/" + model + "/batches/b6/results/fairness").then().statusCode(200).extract()
                .jsonPath().getDouble("attributes[0].demographicParityRatio");
    }

    @Test
    void jsonHoldsTheHistoryOfThePeriod() {
        sent();
        String alertId = given().get("/api/v1/alerts?modelId=" + model + "&rule=performance.accuracy-drop").then()
                .extract().jsonPath().getString("[0].alertId");
        given().contentType(ContentType.JSON).body(Map.of("by", "risk.analyst", "reason", "looking into it"))
                .post("/api/v1/alerts/" + alertId + "/acknowledge").then().statusCode(200);
        JsonPath j = given().get(url("&format=json")).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(model, j.getString("header.modelId"));
        assertEquals("binary_classification", j.getString("header.task"));
        assertEquals(6, j.getInt("header.batches"));
        assertEquals(6000, j.getLong("header.rows"));
        assertEquals("income", j.getString("drift.drifted[0].feature"));
        assertEquals(4, j.getInt("drift.drifted[0].batchesDrifted"));
        assertTrue(j.getString("drift.drifted[0].explanation").contains("income shifted"));
        assertEquals(5, j.getList("drift.heatMap.features").size());
        assertEquals("accuracy", j.getString("performance.metrics[0].metric"));
        assertEquals(0.87, j.getDouble("performance.metrics[0].baseline"), 1e-12);
        assertEquals(0.70, j.getDouble("performance.metrics[0].last"), 1e-12);
        assertEquals(3, j.getInt("performance.metrics[0].batchesWorseThanBaseline"));
        assertEquals(apiParityRatio(), j.getDouble("fairness.attributes[0].latestParityRatio"), 0);
        // Pooled: male 6 × 300 of 600; female 3 × 192 + 3 × 120 = 936 of 2,400.
        assertEquals(936, j.getLong("fairness.attributes[0].groups.find { it.group == 'female' }.selected"));
        assertEquals(0.39 / 0.5, j.getDouble("fairness.attributes[0].groups.find { it.group == 'female' }.adverseImpactRatio"),
                1e-12);
        assertEquals(firedRules(), new LinkedHashSet<>(j.getList("alerts.rule", String.class)));
        List<String> actors = j.getList("alerts.find { it.rule == 'performance.accuracy-drop' }.audit.actor", String.class);
        assertTrue(actors.contains("risk.analyst"), actors.toString());
        assertEquals("risk.analyst", j.getString("alerts.find { it.rule == 'performance.accuracy-drop' }.acknowledgedBy"));
        assertTrue(j.getString("summary").contains("income"), j.getString("summary"));
        assertTrue(j.getList("footer.rules.id").contains("fairness.disparate-impact"));
    }

    @Test
    void pdfNamesModelDriftedFeatureEveryFiredRuleAndTheParityRatio() throws Exception {
        byte[] pdf = given().get(url("&format=pdf")).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = PdfText.text(pdf);
        assertTrue(text.contains(model), "model id");
        assertTrue(text.contains("income"), "drifted feature");
        for (String rule : firedRules()) {
            assertTrue(text.contains(rule), "rule " + rule + " in\n" + text);
        }
        assertTrue(text.contains(Fmt.num(apiParityRatio())), "parity ratio " + Fmt.num(apiParityRatio()));
        assertTrue(text.contains("Page 1 of"), "page numbers");
        assertTrue(text.contains("Contents"), "table of contents");
        assertTrue(PdfText.info(pdf).contains("pts (A4)"), PdfText.info(pdf));
        String fonts = PdfText.fonts(pdf);
        assertTrue(fonts.contains("ReportSans") && !fonts.contains(" no  "), "fonts embedded:\n" + fonts);
        Path shots = io.modeltrust.alert.dashboard.Browser.SHOTS; // beside the dashboard screenshots
        Files.createDirectories(shots);
        PdfText.pagePng(pdf, 1, shots.resolve("report-page-1.png"));
        assertTrue(Files.size(shots.resolve("report-page-1.png")) > 1000);

        byte[] letter = given().get(url("&format=pdf&paper=letter")).then().statusCode(200).extract().asByteArray();
        assertTrue(PdfText.info(letter).contains("612 x 792 pts (letter)"), PdfText.info(letter));
    }

    @Test
    void htmlHoldsTheSameContentWithSvgCharts() {
        String html = given().get(url("")).then().statusCode(200).contentType("text/html")
                .header("Content-Security-Policy", containsString("style-src 'sha256-")).extract().asString();
        assertTrue(html.contains("<svg"), "inline SVG");
        assertTrue(html.contains(model) && html.contains("income"));
        for (String rule : firedRules()) {
            assertTrue(html.contains(rule), rule);
        }
        assertTrue(html.contains(Fmt.num(apiParityRatio())));
        assertTrue(!html.contains("<script") && !html.contains("http://") || html.contains("http://www.w3.org"),
                "nothing to fetch or run");
    }

    @Test
    void badInputIsProblemJsonAndAnEmptyPeriodIsAReport() {
        sent();
        String base = "/api/v1/models/" + model + "/report";
        given().get(base + "?from=" + TO + "&to=" + FROM).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("inverted"));
        given().get(base + "?from=" + FROM + "&to=" + FROM).then().statusCode(400).body("detail", containsString("empty"));
        given().get(base + "?from=2025-01-01T00:00:00Z&to=2026-10-02T00:00:00Z").then().statusCode(400)
                .body("detail", containsString("366 days"));
        given().get(base + "?to=" + TO).then().statusCode(400).body("detail", containsString("required"));
        given().get(base + "?from=yesterday&to=" + TO).then().statusCode(400).body("detail", containsString("ISO-8601"));
        given().get(url("&format=docx")).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("html, pdf, json"));
        given().get(url("&format=pdf&paper=a3")).then().statusCode(400);
        given().get("/api/v1/models/no-such-" + UUID.randomUUID().toString().substring(0, 6) + "/report?from=" + FROM + "&to=" + TO)
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/models/Bad%20Id/report?from=" + FROM + "&to=" + TO).then().statusCode(400);
        JsonPath empty = given().get(base + "?from=2026-09-01T00:00:00Z&to=2026-09-02T00:00:00Z&format=json").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(0, empty.getInt("header.batches"));
        assertTrue(empty.getString("summary").startsWith("No batch of model " + model), empty.getString("summary"));
        given().get(base + "?from=2026-09-01T00:00:00Z&to=2026-09-02T00:00:00Z&format=pdf").then().statusCode(200);
    }
}
