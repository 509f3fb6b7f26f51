package io.modeltrust.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Drift segments through the HTTP API, as issue D's acceptance states them: a shift of income inside one
 * region (a fifth of the rows, diluted in the whole batch) is found in that segment and in no other, a stable
 * batch is flagged in no segment, the default rule's alert names the segment, and the heat map switches to it.
 */
final class DriftTrust {

    private static final String[] REGIONS = {"east", "west", "north", "south"};
    private static final double[] SHARES = {0.40, 0.30, 0.20, 0.10};
    private static final String SPEC = """
            {"task":"binary_classification",
             "features":[{"name":"income","type":"numeric"},{"name":"age","type":"numeric"},
                         {"name":"channel","type":"categorical"},{"name":"region","type":"categorical"}],
             "prediction":"approved","classes":["0","1"],"id":"id","segments":["region"]}""";

    private final TrustCheck check;
    private final PlatformClient client;
    private final SplittableRandom random;

    DriftTrust(TrustCheck check, PlatformClient client, long seed) {
        this.check = check;
        this.client = client;
        this.random = new SplittableRandom(seed + 19);
    }

    void segmentShift(String model) throws InterruptedException {
        check.require(client.putModel(model, SPEC), "register " + model);
        check.require(client.postCsv("/api/v1/models/" + model + "/reference", rows("r", 8000, null), null),
                "reference of " + model);
        String stable = check.require(client.postCsv("/api/v1/models/" + model + "/batches?at=2026-11-02T00:00:00Z",
                rows("s", 4000, null), null), "stable batch").path("batchId").asText();
        JsonNode stableDrift = check.awaitReport(model, stable, "drift").path("drift");
        check.verify("segments: a stable batch is flagged in none of the 4 regions",
                stableDrift.path("segments").size() == 4 && driftedIn(stableDrift).isEmpty(), segmentsText(stableDrift));

        String shifted = check.require(client.postCsv("/api/v1/models/" + model + "/batches?at=2026-11-03T00:00:00Z",
                rows("d", 4000, "north"), null), "batch shifted in region=north").path("batchId").asText();
        JsonNode drift = check.awaitReport(model, shifted, "drift").path("drift");
        check.verify("segments: income shifted inside region=north is found there and in no other segment",
                driftedIn(drift).equals(List.of("income in region=north")), segmentsText(drift));

        List<JsonNode> fired = check.awaitAlerts(model, a -> "drift.segments".equals(a.path("rule").asText()));
        boolean named = fired.size() == 1 && fired.get(0).path("subjects").toString().equals("[\"income in region=north\"]")
                && fired.get(0).path("explanation").asText().contains("In region=north (");
        check.verify("segments: one alert names the segment (income in region=north) and its size", named, fired.toString());

        JsonNode matrix = client.getAlerts("/api/v1/models/" + model + "/drift-matrix?segment=region=north").body();
        int income = indexOf(matrix.path("features"), "income");
        JsonNode drifted = matrix.path("drifted");
        check.verify("segments: the heat map switches to region=north, where income drifted in the last batch only",
                matrix.path("segments").size() == 4 && income >= 0 && drifted.size() == 2
                        && drifted.get(0).get(income).asInt(-1) == 0 && drifted.get(1).get(income).asInt(-1) == 1,
                matrix.toString());
    }

    private static List<String> driftedIn(JsonNode drift) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : drift.path("segments")) {
            for (JsonNode f : s.path("features")) {
                if (f.path("drifted").asBoolean()) {
                    out.add(f.path("feature").asText() + " in " + s.path("segment").asText());
                }
            }
        }
        return out;
    }

    private static String segmentsText(JsonNode drift) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode s : drift.path("segments")) {
            sb.append(' ').append(s.path("segment").asText()).append(" rows ").append(s.path("rows"))
                    .append(" drifted ").append(s.path("driftedFeatures"));
        }
        return sb + " skipped " + drift.path("segmentsSkipped") + ": " + drift.path("explanation").asText();
    }

    private static int indexOf(JsonNode names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).asText().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Regions differ in income; {@code shiftedRegion}'s income moves by 0.6 of its standard deviation. */
    private String rows(String prefix, int n, String shiftedRegion) {
        StringBuilder sb = new StringBuilder("id,income,age,channel,region,approved\n");
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int r = 0;
            double cumulative = SHARES[0];
            while (u > cumulative && r < REGIONS.length - 1) {
                cumulative += SHARES[++r];
            }
            double income = 40 + 10 * r + 8 * gaussian() + (REGIONS[r].equals(shiftedRegion) ? 0.6 * 8 : 0);
            String channel = random.nextDouble() < 0.6 ? "web" : random.nextBoolean() ? "branch" : "phone";
            sb.append(prefix).append(i).append(',').append(String.format(Locale.ROOT, "%.4f,%.2f", income,
                    20 + 45 * random.nextDouble())).append(',').append(channel).append(',').append(REGIONS[r]).append(',')
                    .append(random.nextInt(2)).append('\n');
        }
        return sb.toString();
    }

    private double gaussian() {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
