package io.modeltrust.alert.dashboard;

import static io.restassured.RestAssured.given;

import io.modeltrust.alert.Await;
import io.modeltrust.alert.ResultSender;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (the name keeps it out of the default run; nothing asserts on time):
 * {@code ./mvnw -B -q -pl alert-service test -Dtest=DashboardBench}. Loads 1,000 batches × 50
 * features (plus performance and fairness per batch: 3,000 results) through the broker, then in
 * headless Chromium measures how long the model page takes until its charts, heat map and timeline
 * are drawn: a full page load (modules, API calls, rendering, two frames) and a re-render inside the
 * app. Figures go to stdout and target/dashboard-bench.txt.
 */
@QuarkusTest
class DashboardBench {

    private static final int BATCHES = Integer.getInteger("bench.batches", 1000);
    private static final int FEATURES = Integer.getInteger("bench.features", 50);
    private static final int RUNS = 7;

    @TestHTTPResource("/")
    URL base;

    private final List<String> report = new ArrayList<>();

    @Test
    void modelPage() throws Exception {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        String model = "dash-bench-" + UUID.randomUUID().toString().substring(0, 6);
        long start = System.nanoTime();
        int sent;
        try (ResultSender sender = new ResultSender()) {
            sent = LargeScenario.send(sender, model, BATCHES, FEATURES, 42);
        }
        Await.until(sent + " results of " + model, Duration.ofMinutes(10), () -> {
            var r = given().get("/api/v1/models/" + model);
            return r.statusCode() == 200 && r.jsonPath().getInt("results") == sent;
        });
        report.add(String.format("DASH load: %d results (%d batches × %d features) stored and evaluated in %.1f s",
                sent, BATCHES, FEATURES, (System.nanoTime() - start) / 1e9));
        api(model, "drift-matrix");
        api(model, "batches?limit=1000");

        try (Browser browser = new Browser(base.toString())) {
            String url = base + "#/models/" + model;
            double[] wall = new double[RUNS];
            double[] inPage = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                browser.driver.get("about:blank");
                long t = System.nanoTime();
                browser.driver.get(url);
                browser.waitReady("model");
                wall[i] = (System.nanoTime() - t) / 1e6;
                inPage[i] = ((Number) browser.js("return window.dashTimings[window.dashTimings.length - 1].readyAt")).doubleValue();
            }
            report.add("DASH timeline of the last load: " + browser.js("const n = performance.getEntriesByType('navigation')[0]; "
                    + "return 'domInteractive ' + n.domInteractive.toFixed(0) + ', DOMContentLoaded ' + n.domContentLoadedEventEnd.toFixed(0) + '; ' + "
                    + "performance.getEntriesByType('resource').map(r => r.name.replace(/^.*\\/(api\\/v1\\/models\\/[^/]+\\/)?/, '') + ' '"
                    + " + r.startTime.toFixed(0) + '+' + r.duration.toFixed(0)).join(', ') + '; router ' + JSON.stringify(window.dashTimings)"));
            report.add(String.format("DASH model page, full load (navigation to charts + heat map + timeline drawn), %d runs: "
                    + "in the page (navigation start to drawn) first %.0f ms, median %.0f ms, max %.0f ms; as seen by the test "
                    + "through WebDriver median %.0f ms", RUNS, inPage[0], median(inPage), max(inPage), median(wall)));
            Map<?, ?> cells = (Map<?, ?>) browser.js("const c = document.querySelector('canvas.heatmap'); "
                    + "return {features: c.dataset.features, batches: c.dataset.batches, paths: document.querySelectorAll('svg.chart path').length, "
                    + "bars: document.querySelectorAll('svg.timeline rect').length}");
            report.add("DASH drawn: heat map " + cells.get("features") + " features × " + cells.get("batches") + " batches, "
                    + cells.get("paths") + " chart paths, " + cells.get("bars") + " alert bars");
            double[] rerender = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                browser.open("/models/" + model + "?window=1000&metric=" + (i % 2 == 0 ? "rocAuc" : "accuracy"), "model");
                rerender[i] = ((Number) browser.js("return window.dashTimings[window.dashTimings.length - 1].ms")).doubleValue();
            }
            report.add(String.format("DASH model page, in-app navigation (metric switch: all requests and drawing again), %d runs: "
                    + "median %.0f ms, max %.0f ms", RUNS, median(rerender), max(rerender)));
            double perKey = ((Number) browser.js("const c = document.querySelector('canvas.heatmap'); c.focus(); "
                    + "const t = performance.now(); for (let i = 0; i < 100; i++) "
                    + "c.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowLeft', bubbles: true})); "
                    + "return (performance.now() - t) / 100")).doubleValue();
            report.add(String.format("DASH heat map keyboard step (move cursor, redraw, update readout): %.2f ms", perKey));
            browser.screenshot("bench-model");
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "dashboard-bench.txt"), report);
    }

    private void api(String model, String path) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/models/" + model + "/" + path)).GET().build();
        double[] ms = new double[25];
        long bytes = 0;
        for (int i = -5; i < ms.length; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + ": HTTP " + response.statusCode());
            }
            bytes = response.body().length;
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        report.add(String.format("DASH api GET %s: %d KB, median %.1f ms, max %.1f ms", path, bytes / 1024, median(ms), max(ms)));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
