package io.modeltrust.scenario.privacy;

import io.modeltrust.scenario.privacy.Canary.Origin;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges what a {@link DatabaseScan} found. Counted are the distinct canaries of each upload found
 * anywhere; what aggregates may legitimately contain bounds them:
 * <ul>
 * <li>numbers of a production batch: at most {@value #NUMBERS_PER_BATCH}. The drift explanation carries
 *     the batch's mean and 10th, 50th and 90th percentiles (docs/metrics.md); a percentile is interpolated
 *     between two rows' values and equals a row's value exactly when its position is a whole index, and
 *     an order statistic such as the minimum or maximum is a row's value. Five order statistics at most:
 *     stored rows would show the whole batch;</li>
 * <li>tokens of a production batch: at most {@value #TOKENS_PER_BATCH}, per categorical feature. The drift
 *     explanation names the three categories with the largest PSI terms (docs/metrics.md), which for a
 *     free-text column are single rows' values; no other stored figure names a production category
 *     (performance slices name only the reference's most frequent categories);</li>
 * <li>anything of the rejected upload: none;</li>
 * <li>the reference: reported, not judged. The drift service keeps each reference column's sorted values
 *     (exact KS p-values and Wasserstein distances need them) and the performance service the reference's
 *     decile edges and most frequent categories: the reference is the baseline the user chose to keep.</li>
 * </ul>
 * Ids, predictions and scores awaiting labels are not canaries: the canary values are features.
 */
public final class PrivacyVerdict {

    public static final int NUMBERS_PER_BATCH = 5;
    public static final int TOKENS_PER_BATCH = 3;

    private final Map<Origin, Set<Canary>> found = new EnumMap<>(Origin.class);
    private final Map<Origin, Set<String>> where = new EnumMap<>(Origin.class);
    private final long tables;
    private final long rows;

    public PrivacyVerdict(List<DatabaseScan.TableHits> scan) {
        for (Origin o : Origin.values()) {
            found.put(o, new LinkedHashSet<>());
            where.put(o, new TreeSet<>());
        }
        long r = 0;
        for (DatabaseScan.TableHits t : scan) {
            r += t.rows();
            for (Canary c : t.hits().keySet()) {
                found.get(c.origin()).add(c);
                where.get(c.origin()).add(t.table());
            }
        }
        this.tables = scan.size();
        this.rows = r;
    }

    public long numbers(Origin o) {
        return found.get(o).stream().filter(Canary::numeric).count();
    }

    public long tokens(Origin o) {
        return found.get(o).stream().filter(c -> !c.numeric()).count();
    }

    public Set<String> tables(Origin o) {
        return where.get(o);
    }

    public boolean pass() {
        return failures().isEmpty();
    }

    public List<String> failures() {
        List<String> out = new ArrayList<>();
        for (Origin o : List.of(Origin.BATCH_1, Origin.BATCH_2)) {
            if (numbers(o) > NUMBERS_PER_BATCH) {
                out.add(o + ": " + numbers(o) + " raw numbers stored (at most " + NUMBERS_PER_BATCH + " order statistics allowed) in " + tables(o));
            }
            if (tokens(o) > TOKENS_PER_BATCH) {
                out.add(o + ": " + tokens(o) + " raw tokens stored (at most " + TOKENS_PER_BATCH + " named categories allowed) in " + tables(o));
            }
        }
        if (!found.get(Origin.REJECTED).isEmpty()) {
            out.add("REJECTED: " + found.get(Origin.REJECTED).size() + " values of a rejected upload stored in " + tables(Origin.REJECTED));
        }
        return out;
    }

    public List<String> report() {
        List<String> out = new ArrayList<>();
        out.add(String.format("scanned %d tables, %d rows", tables, rows));
        for (Origin o : Origin.values()) {
            out.add(String.format("%-9s %5d numbers, %5d tokens found%s", o, numbers(o), tokens(o),
                    tables(o).isEmpty() ? "" : " in " + tables(o)));
        }
        return out;
    }
}
