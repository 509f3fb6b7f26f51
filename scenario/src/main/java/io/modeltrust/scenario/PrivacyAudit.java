package io.modeltrust.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.scenario.privacy.Canaries;
import io.modeltrust.scenario.privacy.Canary;
import io.modeltrust.scenario.privacy.Canary.Origin;
import io.modeltrust.scenario.privacy.CanaryScanner;
import io.modeltrust.scenario.privacy.DatabaseScan;
import io.modeltrust.scenario.privacy.PrivacyVerdict;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that raw rows are not kept in the database: registers model {@code privacy-canary}, uploads
 * a reference and two production batches whose feature values are unique, recognisable canaries (and a
 * batch with an undeclared column, which ingest must reject), waits until drift, performance and
 * fairness results of both batches are in the history, then reads every row of every table of every
 * schema of the database and looks for the canaries. Kafka is not checked: raw rows live there by
 * design, for its retention. What counts as a leak: {@link PrivacyVerdict}.
 *
 * <pre>java -cp scenario/target/scenario.jar:scenario/target/lib/* io.modeltrust.scenario.PrivacyAudit
 *      --ingest URL --alerts URL --jdbc jdbc:postgresql://HOST:PORT/DB [--db-user U] [--db-password P]
 *      [--api-key KEY] [--model ID] [--rows N] [--wait-seconds N] [--check]</pre>
 * Prints "privacy: ... PASS" or "FAIL"; with --check the exit code says it too.
 */
public final class PrivacyAudit {

    private static final List<String> KINDS = List.of("drift", "performance", "fairness");

    private PrivacyAudit() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Options.parse(args);
        PlatformClient client = new PlatformClient(opts.getOrDefault("ingest", "http://127.0.0.1:8081"),
                opts.getOrDefault("alerts", "http://127.0.0.1:8085"), opts.getOrDefault("api-key", System.getenv("MT_API_KEY")));
        String model = opts.getOrDefault("model", "privacy-canary");
        int rows = Integer.parseInt(opts.getOrDefault("rows", "1000"));
        Canaries canaries = new Canaries(new SecureRandom().nextLong(), 2 * rows, rows);
        CanaryScanner scanner = new CanaryScanner(canaries.all());
        boolean ok = selfCheck(scanner, canaries, rows);

        expect(client.putModel(model, Canaries.SPEC), "register " + model);
        expect(client.postCsv("/api/v1/models/" + model + "/reference", canaries.csv(Origin.REFERENCE), null), "upload the reference");
        Map<String, Origin> batches = new LinkedHashMap<>();
        for (Origin o : List.of(Origin.BATCH_1, Origin.BATCH_2)) {
            PlatformClient.Reply r = client.postCsv("/api/v1/models/" + model + "/batches", canaries.csv(o), null);
            expect(r, "post " + o);
            batches.put(r.body().path("batchId").asText(), o);
        }
        PlatformClient.Reply rejected = client.postCsv("/api/v1/models/" + model + "/batches", canaries.csv(Origin.REJECTED), null);
        if (rejected.status() / 100 != 4) {
            System.out.println("privacy: a batch with an undeclared column was answered HTTP " + rejected.status() + ", not 4xx: FAIL");
            ok = false;
        }
        System.out.printf("privacy: uploaded the reference (%d rows) and batches %s (%d rows each) of %s%n", 2 * rows,
                batches.keySet(), rows, model);
        if (!awaitResults(client, model, batches.keySet(), Integer.parseInt(opts.getOrDefault("wait-seconds", "300")))) {
            System.out.println("privacy: results of drift, performance and fairness did not all arrive: FAIL");
            System.exit(opts.containsKey("check") ? 1 : 0);
        }

        String jdbc = opts.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/monitoring");
        List<DatabaseScan.TableHits> scan;
        try (Connection c = DriverManager.getConnection(jdbc, opts.getOrDefault("db-user", "postgres"),
                opts.getOrDefault("db-password", System.getenv().getOrDefault("PGPASSWORD", "postgres")))) {
            scan = DatabaseScan.scan(c, scanner);
        }
        for (DatabaseScan.TableHits t : scan) {
            if (!t.hits().isEmpty()) {
                System.out.printf("privacy:   %-36s %7d rows, %6d canaries found%n", t.table(), t.rows(), t.hits().size());
            }
        }
        PrivacyVerdict verdict = new PrivacyVerdict(scan);
        verdict.report().forEach(line -> System.out.println("privacy: " + line));
        verdict.failures().forEach(line -> System.out.println("privacy: LEAK " + line));
        ok &= verdict.pass();
        System.out.println("privacy: no raw production feature value stored beyond the allowed aggregates (" + jdbc + "): "
                + (ok ? "PASS" : "FAIL"));
        if (opts.containsKey("check")) {
            System.exit(ok ? 0 : 1);
        }
    }

    /** The scan must find every canary where it plainly is, or a clean result would prove nothing. */
    private static boolean selfCheck(CanaryScanner scanner, Canaries canaries, int rows) {
        Set<Canary> seen = new HashSet<>();
        scanner.scan(canaries.csv(Origin.BATCH_1), seen::add);
        boolean ok = seen.size() == 2 * rows;
        System.out.printf("privacy: detector self-check: %d of %d values of batch 1 found in its CSV: %s%n", seen.size(),
                2 * rows, ok ? "ok" : "FAIL");
        return ok;
    }

    private static boolean awaitResults(PlatformClient client, String model, Set<String> batchIds, int waitSeconds)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(waitSeconds);
        while (Instant.now().isBefore(deadline)) {
            PlatformClient.Reply r = client.getAlerts("/api/v1/models/" + model + "/batches?limit=1000");
            if (r.ok()) {
                int complete = 0;
                for (JsonNode b : r.body()) {
                    if (batchIds.contains(b.path("batchId").asText())
                            && KINDS.stream().allMatch(k -> b.path("results").has(k))) {
                        complete++;
                    }
                }
                if (complete == batchIds.size()) {
                    return true;
                }
            }
            Thread.sleep(2000);
        }
        return false;
    }

    private static void expect(PlatformClient.Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException("could not " + what + ": HTTP " + reply.status() + " " + reply.body());
        }
    }
}
