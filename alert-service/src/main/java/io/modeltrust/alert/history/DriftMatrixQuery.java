package io.modeltrust.alert.history;

import io.modeltrust.alert.rules.InvalidPathException;
import io.modeltrust.alert.rules.MetricPath;
import io.modeltrust.alert.rules.Section;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The feature × batch drift matrix behind the dashboard's heat map, in two queries instead of one
 * report per batch: the positions of {@code drift.features.<f>.<field>}, {@code .drifted} and
 * {@code drift.driftShare} from series_keys, then for the newest {@code limit} drift vectors only
 * those elements (an array gather in SQL, so the rest of each vector never leaves the database).
 */
@ApplicationScoped
public class DriftMatrixQuery {

    /** Per batch (oldest first) the chosen field and the drifted flag of every feature; NaN where a batch lacks it. */
    /**
     * {@code segment} is the segment shown ("region=east"), null for the whole batch; {@code segments} every
     * segment the model's results have carried, for the dashboard's switch.
     */
    public record Matrix(String field, List<String> features, List<String> batchIds, List<Instant> at, double[] driftShare,
                         double[][] values, double[][] drifted, String segment, List<String> segments) {

        public Matrix(String field, List<String> features, List<String> batchIds, List<Instant> at, double[] driftShare,
                      double[][] values, double[][] drifted) {
            this(field, features, batchIds, at, driftShare, values, drifted, null, List.of());
        }
    }

    @Inject
    DataSource dataSource;

    public static void checkField(String field, String segment) {
        Section section = segment == null ? Section.DRIFT_FEATURE : Section.DRIFT_SEGMENT;
        if (!section.fields().contains(field) || "drifted".equals(field)) {
            throw new InvalidPathException("value must be one of " + String.join(", ", section.fields().stream()
                    .filter(f -> !"drifted".equals(f)).toList()) + (segment == null ? "" : " for a segment"));
        }
    }

    /** @param segment "column=value" for a segment's features, or null for the whole batch's */
    public Matrix read(String modelId, String field, String segment, Instant from, Instant to, int limit) {
        checkField(field, segment);
        return Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                Map<String, int[]> positions = positions(c, modelId, field, segment);
                List<String> features = new ArrayList<>(positions.keySet());
                int n = features.size();
                int[] gather = new int[2 * n + 1]; // 1-based subscripts: values, then drifted flags, then driftShare
                for (int f = 0; f < n; f++) {
                    int[] p = positions.get(features.get(f));
                    gather[f] = p[0];
                    gather[n + f] = p[1];
                }
                gather[2 * n] = driftSharePosition(c, modelId);
                Matrix m = vectors(c, modelId, field, features, gather, from, to, limit);
                return new Matrix(m.field(), m.features(), m.batchIds(), m.at(), m.driftShare(), m.values(), m.drifted(),
                        segment, segments(c, modelId));
            }
        });
    }

    /** Feature → {value position, drifted position} (1-based, 0 when absent), in the order features first appeared. */
    private static Map<String, int[]> positions(Connection c, String modelId, String field, String segment)
            throws SQLException {
        Section section = segment == null ? Section.DRIFT_FEATURE : Section.DRIFT_SEGMENT;
        String prefix = segment == null ? "drift.features." : "drift.segments." + segment + ".features.";
        Map<String, int[]> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT series, idx FROM series_keys WHERE model_id = ? AND kind = 'drift' "
                + "AND starts_with(series, ?) AND (series LIKE ? OR series LIKE '%.drifted') ORDER BY idx")) {
            ps.setString(1, modelId);
            ps.setString(2, prefix);
            ps.setString(3, "%." + field);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MetricPath path;
                    try {
                        path = MetricPath.parse(rs.getString(1));
                    } catch (InvalidPathException e) {
                        continue; // a path from an older vocabulary: not part of the matrix
                    }
                    if (path.section() != section || (segment != null && !segment.equals(path.subject()))) {
                        continue;
                    }
                    int[] p = out.computeIfAbsent(segment == null ? path.subject() : path.group(), k -> new int[2]);
                    p[path.field().equals(field) ? 0 : 1] = rs.getInt(2) + 1;
                }
            }
        }
        return out;
    }

    /** Every segment named in the model's stored drift series, in the order they first appeared. */
    private static List<String> segments(Connection c, String modelId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT series FROM series_keys WHERE model_id = ? AND kind = 'drift' "
                + "AND starts_with(series, 'drift.segments.') AND series LIKE '%.drifted' ORDER BY idx")) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        MetricPath path = MetricPath.parse(rs.getString(1));
                        if (!out.contains(path.subject())) {
                            out.add(path.subject());
                        }
                    } catch (InvalidPathException e) {
                        // an older vocabulary's path
                    }
                }
            }
        }
        return out;
    }

    private static int driftSharePosition(Connection c, String modelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT idx FROM series_keys WHERE model_id = ? AND kind = 'drift' AND series = 'drift.driftShare'")) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) + 1 : 0;
            }
        }
    }

    private static Matrix vectors(Connection c, String modelId, String field, List<String> features, int[] gather,
                                  Instant from, Instant to, int limit) throws SQLException {
        String sql = """
                SELECT v.batch_id, v.batch_at,
                       ARRAY(SELECT v.vals[g.i] FROM unnest(?::int[]) WITH ORDINALITY AS g(i, o) ORDER BY g.o) AS picked
                FROM result_vectors v
                WHERE v.model_id = ? AND v.kind = 'drift' AND v.batch_at >= ? AND v.batch_at < ?
                ORDER BY v.batch_at DESC, v.batch_id DESC LIMIT ?""";
        int n = features.size();
        List<String> ids = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Integer[] boxed = new Integer[gather.length];
            for (int i = 0; i < gather.length; i++) {
                boxed[i] = gather[i];
            }
            Array positions = c.createArrayOf("int4", boxed);
            ps.setArray(1, positions);
            ps.setString(2, modelId);
            Jdbc.setInstant(ps, 3, from);
            Jdbc.setInstant(ps, 4, to);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    at.add(Jdbc.instant(rs, "batch_at"));
                    rows.add(Jdbc.doubles(rs, "picked"));
                }
            }
        }
        Collections.reverse(ids);
        Collections.reverse(at);
        Collections.reverse(rows);
        double[] share = new double[rows.size()];
        double[][] values = new double[rows.size()][n];
        double[][] drifted = new double[rows.size()][n];
        for (int b = 0; b < rows.size(); b++) {
            double[] picked = rows.get(b);
            for (int f = 0; f < n; f++) {
                values[b][f] = element(picked, gather, f);
                drifted[b][f] = element(picked, gather, n + f);
            }
            share[b] = element(picked, gather, 2 * n);
        }
        return new Matrix(field, features, ids, at, share, values, drifted);
    }

    /** A position of 0 (the path was never stored) reads as NaN, as does NULL past the end of an older, shorter array. */
    private static double element(double[] picked, int[] gather, int i) {
        return gather[i] == 0 || i >= picked.length ? Double.NaN : picked[i];
    }
}
