package io.modeltrust.alert;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.model.Json;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (the name keeps it out of the default run):
 * {@code ./mvnw -B -q -pl alert-service test -Dtest=PipelineBench}. Against the real broker and
 * database: (1) 10,000 mixed result events (drift, performance, fairness of 4 models) produced to
 * monitoring.results and stored and evaluated by the running service, after a 2,000-event warm-up;
 * (2) 10,000 drift results of one model, then a metric time series over its 10,000 batches queried
 * through HTTP, reporting p50 and p95. Figures go to stdout and target/bench-results.txt, with the
 * CPU time per event of this JVM, PostgreSQL and the broker (wall-clock rates on a shared machine
 * depend on its other load). {@code -Dbench.mixedOnly=true} stops after the mixed run.
 */
@QuarkusTest
class PipelineBench {

    private static final int FEATURES = 12;
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final Random random = new Random(42);
    private final List<String> report = new ArrayList<>();

    @Inject
    DataSource dataSource;

    @Test
    void bench() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        try (ResultSender sender = new ResultSender()) {
            throughput(sender, "bench-warm-" + run, 1, 2_000, "warm-up");
            throughput(sender, "bench-mix-" + run, 4, 10_000, "mixed kinds, 4 models");
            if (Boolean.getBoolean("bench.mixedOnly")) {
                report.forEach(System.out::println);
                return;
            }
            String single = "bench-q-" + run;
            throughput(sender, single, 0, 10_000, "drift only, 1 model (series data)");
            seriesQuery(single, "psi?feature=f0", "before VACUUM");
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE alert.result_vectors");
            }
            seriesQuery(single, "psi?feature=f0", "after VACUUM ANALYZE");
            seriesQuery(single, "drift.driftShare", "after VACUUM ANALYZE");
            explain(single);
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "bench-results.txt"), report);
    }

    /** models == 0: one model, drift results only; otherwise round-robin drift/performance/fairness over the models. */
    private void throughput(ResultSender sender, String prefix, int models, int events, String label) throws IOException {
        List<String[]> records = new ArrayList<>(events);
        int perModel = models == 0 ? events : (events + models * 3 - 1) / (models * 3);
        outer:
        for (int b = 0; b < perModel; b++) {
            Instant at = T0.plus(Duration.ofHours(b));
            for (int m = 0; m < Math.max(1, models); m++) {
                String model = models == 0 ? prefix : prefix + "-" + m;
                String batch = "b" + b;
                records.add(new String[]{model, Json.toString(drift(model, batch, at, b))});
                if (models > 0) {
                    records.add(new String[]{model, Json.toString(Results.performance(model, batch, at, 1,
                            0.87 - Math.abs(random.nextGaussian()) * 0.04, 0.02, 0.85 + random.nextDouble() * 0.1))});
                    records.add(new String[]{model, Json.toString(Results.fairness(model, batch, at,
                            0.35 + random.nextDouble() * 0.2, random.nextDouble() * 0.1))});
                }
                if (records.size() >= events) {
                    break outer;
                }
            }
        }
        List<String> modelIds = records.stream().map(r -> r[0]).distinct().toList();
        long bytes = records.stream().mapToLong(r -> r[1].length()).sum();
        long[] cpu0 = cpu();
        long start = System.nanoTime();
        for (String[] r : records) {
            sender.sendAsync(r[0], r[1]);
        }
        sender.flush();
        long produced = System.nanoTime();
        Await.until(events + " stored results", Duration.ofMinutes(10), () -> stored(modelIds) >= events);
        long done = System.nanoTime();
        long[] cpu1 = cpu();
        double[] span = processingSpan(modelIds);
        report.add(String.format("BENCH throughput [%s]: %d events (%.1f KB avg), produced in %.2f s, all stored and evaluated "
                        + "%.2f s after the first send = %.0f events/s end to end; consumer-side span (first to last stored) "
                        + "%.2f s = %.0f events/s", label, events, bytes / 1024.0 / events, (produced - start) / 1e9,
                (done - start) / 1e9, events / ((done - start) / 1e9), span[0], events / span[0]));
        double jvm = (double) (cpu1[0] - cpu0[0]) / events;
        double pg = (double) (cpu1[1] - cpu0[1]) / events;
        double broker = (double) (cpu1[2] - cpu0[2]) / events;
        report.add(String.format("BENCH cpu [%s]: per event %.0f µs in the service JVM (with this test's producer), %.0f µs in "
                        + "PostgreSQL, %.0f µs in the Kafka broker: %.0f µs in all, about %.0f events/s per dedicated core",
                label, jvm, pg, broker, jvm + pg + broker, 1e6 / (jvm + pg + broker)));
        report.add(String.format("BENCH alerts [%s]: %d alerts, %d alert events", label, count(
                "SELECT count(*) FROM alert.alerts WHERE model_id = ANY(?)", modelIds), count(
                "SELECT count(*) FROM alert.alert_audit a JOIN alert.alerts x USING (alert_id) WHERE x.model_id = ANY(?)",
                modelIds)));
    }

    /**
     * CPU time in microseconds used so far by this JVM, by all PostgreSQL processes and by the test
     * Kafka broker: a cost per event that, unlike wall time, does not depend on what else the shared
     * machine is running.
     */
    private static long[] cpu() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1000;
        long pg = 0;
        long broker = 0;
        String kafkaPid = null;
        try {
            kafkaPid = Files.readString(Path.of("..", ".run", "test", "pids", "kafka.pid")).strip();
        } catch (IOException ignored) {
            // no broker pid file: broker CPU is reported as 0
        }
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long micros = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000L; // utime + stime, 100 ticks/s
                    if (comm.startsWith("postgres")) {
                        pg += micros;
                    } else if (name.equals(kafkaPid)) {
                        broker += micros;
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the process ended while being read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new long[]{jvm, pg, broker};
    }

    private ObjectNode drift(String model, String batch, Instant at, int b) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FEATURES; i++) {
            names.add("f" + i);
        }
        // Drift comes and goes in episodes, so alerts open, update and resolve during the run.
        boolean episode = (b / 7) % 3 == 0;
        List<String> drifted = names.stream().filter(n -> random.nextDouble() < (episode ? 0.45 : 0.03)).toList();
        ObjectNode n = Results.drift(model, batch, at, List.of(), java.util.Map.of());
        ArrayNode features = n.putArray("features");
        for (String f : names) {
            boolean d = drifted.contains(f);
            ObjectNode x = features.addObject();
            x.put("feature", f).put("type", "numeric").put("test", "ks").put("statistic", random.nextDouble() * (d ? 0.4 : 0.05))
                    .put("pValue", d ? random.nextDouble() * 1e-4 : random.nextDouble()).put("adjustedPValue", d ? 1e-3 : 0.9)
                    .put("psi", d ? 0.1 + random.nextDouble() : random.nextDouble() * 0.05)
                    .put("jensenShannon", random.nextDouble() * 0.2).put("wasserstein", random.nextDouble()).put("drifted", d);
            if (d) {
                x.put("explanation", "Bins of " + f + " moved: (0.1, 0.2] 10% → 17%, (0.5, 0.6] 10% → 4%; mean 0.41 → 0.47.");
                x.putObject("details").putArray("topBins").addObject().put("bin", "(0.1, 0.2]").put("referenceShare", 0.1)
                        .put("productionShare", 0.17).put("psiTerm", 0.04);
            }
        }
        n.put("driftShare", (double) drifted.size() / FEATURES);
        n.put("datasetDrift", drifted.size() * 2 >= FEATURES);
        n.put("driftedFeatures", drifted.size());
        ArrayNode quality = n.putArray("dataQuality");
        for (String f : names) {
            double missing = random.nextDouble() < 0.01 ? 0.08 : 0.0;
            quality.addObject().put("column", f).put("role", "feature").put("type", "numeric").put("referenceMissingShare", 0.01)
                    .put("missingShare", 0.01 + missing).put("missingShareChange", missing).put("outOfRangeShare", 0.0);
        }
        return n;
    }

    private void seriesQuery(String model, String metric, String label) throws Exception {
        String path = "/api/v1/models/" + model + "/metrics/" + metric;
        int points = given().get(path).then().statusCode(200).extract().jsonPath().getList("").size();
        // A plain JDK client measures the server, not the test client's response processing.
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path)).GET().build();
        for (int i = 0; i < 30; i++) {
            client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        }
        long[] http = new long[200];
        for (int i = 0; i < http.length; i++) {
            long t = System.nanoTime();
            var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            http[i] = System.nanoTime() - t;
            if (response.statusCode() != 200) {
                throw new AssertionError("HTTP " + response.statusCode());
            }
        }
        Arrays.sort(http);
        report.add(String.format("BENCH series [%s] GET %s: %d points over 10,000 batches; HTTP p50 %.1f ms, p95 %.1f ms, "
                        + "max %.1f ms (200 sequential requests after 30 warm-up)", label, metric, points, http[99] / 1e6,
                http[189] / 1e6, http[199] / 1e6));
    }

    private void explain(String model) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "EXPLAIN (ANALYZE, BUFFERS) SELECT v.batch_id, v.batch_at, v.vals[k.idx + 1] FROM alert.series_keys k "
                        + "JOIN alert.result_vectors v ON v.model_id = k.model_id AND v.kind = k.kind "
                        + "WHERE k.model_id = ? AND k.kind = 'drift' AND k.series = 'drift.features.f0.psi' "
                        + "AND v.batch_at >= '0001-01-01' AND v.batch_at < '9999-01-01' AND v.vals[k.idx + 1] <> 'NaN'::float8 "
                        + "ORDER BY v.batch_at, v.batch_id LIMIT 10000")) {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    report.add("BENCH plan: " + rs.getString(1));
                }
            }
        }
    }

    private long stored(List<String> models) {
        return count("SELECT coalesce(sum(result_count), 0) FROM alert.models WHERE model_id = ANY(?)", models);
    }

    private double[] processingSpan(List<String> models) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT extract(epoch FROM max(received_at) - min(received_at)) FROM alert.results WHERE model_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", models.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[]{rs.getDouble(1)};
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, List<String> models) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", models.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
