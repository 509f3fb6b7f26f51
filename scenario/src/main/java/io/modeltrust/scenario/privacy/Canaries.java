package io.modeltrust.scenario.privacy;

import io.modeltrust.scenario.privacy.Canary.Origin;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The uploads of the privacy audit: a model whose numeric feature {@code canary} and categorical
 * feature {@code canary_token} hold values found nowhere else (7,xxx,xxx.xxxxxx numbers with random
 * decimals, random hex tokens), unique per row and per run, plus ordinary columns so every service
 * computes its usual figures. The rejected upload adds an undeclared column {@code notes}.
 */
public final class Canaries {

    public static final String SPEC = """
            {"task": "binary_classification",
             "features": [{"name": "canary", "type": "numeric"}, {"name": "canary_token", "type": "categorical"},
                          {"name": "income", "type": "numeric"}, {"name": "purpose", "type": "categorical"}],
             "prediction": "approved", "score": "score", "label": "repaid", "positiveClass": "1",
             "sensitive": ["sex"], "privileged": {"sex": "male"}, "id": "row_id", "timestamp": null}
            """;
    private static final String[] PURPOSES = {"car", "home", "education", "business"};
    private static final String HEADER = "row_id,canary,canary_token,income,purpose,sex,score,approved";

    private final long run;
    private final Map<Origin, String> csv = new LinkedHashMap<>();
    private final List<Canary> all = new ArrayList<>();

    /**
     * @param seed           a fresh random seed per run, so a run never matches an earlier run's leftovers
     * @param referenceRows  rows of the reference; more than {@code batchRows}, so that in the drift
     *                       explanation the production categories (never seen) outweigh the reference's
     * @param batchRows      rows of each production batch
     */
    public Canaries(long seed, int referenceRows, int batchRows) {
        SplittableRandom random = new SplittableRandom(seed);
        this.run = random.nextLong() >>> 1;
        // Disjoint ranges below 1e7, so Double.toString and PostgreSQL print them without an exponent.
        double base = 7_000_000 + random.nextInt(300) * 1_000;
        csv.put(Origin.REFERENCE, body(Origin.REFERENCE, referenceRows, base, random, true, false));
        csv.put(Origin.BATCH_1, body(Origin.BATCH_1, batchRows, base + 300_000, random, false, false));
        csv.put(Origin.BATCH_2, body(Origin.BATCH_2, batchRows, base + 400_000, random, false, false));
        csv.put(Origin.REJECTED, body(Origin.REJECTED, batchRows, base + 500_000, random, false, true));
    }

    public String csv(Origin origin) {
        return csv.get(origin);
    }

    public List<Canary> all() {
        return all;
    }

    private String body(Origin origin, int rows, double base, SplittableRandom random, boolean labels, boolean extra) {
        StringBuilder out = new StringBuilder(rows * 120).append(HEADER);
        out.append(labels ? ",repaid" : "").append(extra ? ",notes" : "").append('\n');
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < rows; i++) {
            // A step that is no round number plus random decimals: no mean or interpolated percentile hits a value.
            String value = String.format(Locale.ROOT, "%.6f", base + i * 1.000137 + random.nextDouble() * 0.5);
            String token = prefix(origin) + "tok-" + hex.toHexDigits(random.nextLong());
            all.add(new Canary(origin, true, value));
            all.add(new Canary(origin, false, token));
            boolean approved = random.nextDouble() < 0.6;
            out.append("pc-").append(Long.toHexString(run)).append('-').append(origin.ordinal()).append('-').append(i)
                    .append(',').append(value).append(',').append(token)
                    .append(',').append(String.format(Locale.ROOT, "%.2f", 30_000 + random.nextDouble() * 50_000))
                    .append(',').append(PURPOSES[random.nextInt(PURPOSES.length)])
                    .append(',').append(random.nextBoolean() ? "female" : "male")
                    .append(',').append(String.format(Locale.ROOT, "%.4f", approved ? 0.5 + random.nextDouble() / 2 : random.nextDouble() / 2))
                    .append(',').append(approved ? 1 : 0);
            if (labels) {
                out.append(',').append(random.nextDouble() < 0.8 ? 1 : 0);
            }
            if (extra) {
                String note = "xtok-" + hex.toHexDigits(random.nextLong());
                all.add(new Canary(origin, false, note));
                out.append(',').append(note);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static char prefix(Origin origin) {
        return switch (origin) {
            case REFERENCE -> 'r';
            case BATCH_1, BATCH_2 -> 'p';
            case REJECTED -> 'j';
        };
    }
}
