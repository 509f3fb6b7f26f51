package io.modeltrust.performance.pending;

import io.modeltrust.model.batch.IdHash;
import io.modeltrust.performance.rows.EvaluationRows;
import io.modeltrust.performance.rows.IdOrder;
import io.modeltrust.performance.rows.RowCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Storage cost of predictions awaiting labels: stores one 1,000,000-row production batch the way
 * the service does (RowCodec, the V1 migration's table and column storage) and reports
 * pg_total_relation_size (heap + TOAST + indexes) growth per row. Not a test; run by hand:
 *
 * <pre>
 * ./mvnw -B -q -pl performance-service test-compile
 * ./mvnw -B -q -pl performance-service dependency:build-classpath -Dmdep.outputFile=/tmp/perf-cp.txt
 * java -cp performance-service/target/test-classes:performance-service/target/classes:$(cat /tmp/perf-cp.txt) \
 *     io.modeltrust.performance.pending.PendingStorageBench [jdbcUrl]
 * </pre>
 *
 * Uses the database of the tests (jdbc:postgresql://127.0.0.1:5432/monitoring_test by default) in its own
 * schema performance_bench, dropped at the end. The same figure by hand, for a stored batch:
 * {@code SELECT pg_total_relation_size('performance.pending_predictions')} before and after, or per batch
 * {@code SELECT batch_id, rows, (pg_column_size(id_hashes) + pg_column_size(predictions) +
 * coalesce(pg_column_size(scores), 0) + pg_column_size(labels) + pg_column_size(slice_bins))::float / rows
 * FROM performance.pending_predictions} (GET /api/v1/models/{id}/performance/pending shows it as storedBytes).
 */
public final class PendingStorageBench {

    static final int ROWS = 1_000_000;
    static final String SCHEMA = "performance_bench";

    private PendingStorageBench() {
    }

    public static void main(String[] args) throws SQLException {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/monitoring_test";
        try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("PGUSER", "postgres"),
                System.getenv().getOrDefault("PGPASSWORD", "postgres"))) {
            exec(c, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            exec(c, "CREATE SCHEMA " + SCHEMA);
            exec(c, "SET search_path TO " + SCHEMA);
            exec(c, migration());
            System.out.printf(Locale.ROOT, "PostgreSQL %s, %,d rows per batch%n", scalar(c, "SHOW server_version"), ROWS);
            measure(c, "classification, 20 features, score, no labels yet", false, 20, true, 0.0);
            measure(c, "classification, 20 features, score, half labelled", false, 20, true, 0.5);
            measure(c, "classification, 20 features, score, 99% labelled", false, 20, true, 0.99);
            measure(c, "classification,  5 features, score, no labels yet", false, 5, true, 0.0);
            measure(c, "classification, 20 features, no score, no labels", false, 20, false, 0.0);
            measure(c, "regression,     20 features,        no labels yet", true, 20, false, 0.0);
            measure(c, "regression,     20 features,        half labelled", true, 20, false, 0.5);
            measure(c, "regression,     20 features,        99% labelled", true, 20, false, 0.99);
            exec(c, "DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private static void measure(Connection c, String name, boolean regression, int features, boolean withScore,
                                double labeledShare) throws SQLException {
        exec(c, "TRUNCATE pending_predictions");
        exec(c, "VACUUM FULL pending_predictions");
        long empty = size(c);
        EvaluationRows rows = generate(regression, features, withScore, labeledShare, new SplittableRandom(42));
        RowCodec.Packed p = RowCodec.pack(rows);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pending_predictions (model_id, batch_id, "
                + "reference_version, task, rows, labeled_rows, slice_features, batch_at, created_at, id_hashes, "
                + "predictions, scores, labels, slice_bins) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            ps.setString(1, "bench");
            ps.setString(2, "batch-1");
            ps.setString(3, regression ? "regression" : "binary_classification");
            ps.setInt(4, rows.rows());
            ps.setInt(5, rows.labeledRows());
            ps.setShort(6, (short) features);
            ps.setTimestamp(7, now);
            ps.setTimestamp(8, now);
            ps.setBytes(9, p.idHashes());
            ps.setBytes(10, p.predictions());
            ps.setBytes(11, p.scores());
            ps.setBytes(12, p.labels());
            ps.setBytes(13, p.sliceBins());
            ps.executeUpdate();
        }
        exec(c, "ANALYZE pending_predictions");
        long total = size(c) - empty;
        String columns = scalar(c, "SELECT format('ids %s, predictions %s, scores %s, labels %s, slice_bins %s', "
                + "pg_column_size(id_hashes), pg_column_size(predictions), coalesce(pg_column_size(scores), 0), "
                + "pg_column_size(labels), pg_column_size(slice_bins)) FROM pending_predictions");
        System.out.printf(Locale.ROOT, "%-55s %6.2f bytes/row in PostgreSQL (packed %5.2f; %s)%n", name,
                (double) total / ROWS, (double) p.bytes() / ROWS, columns);
    }

    static EvaluationRows generate(boolean regression, int features, boolean withScore, double labeledShare,
                                   SplittableRandom r) {
        long[] ids = new long[ROWS];
        boolean[] pp = regression ? null : new boolean[ROWS];
        double[] pred = regression ? new double[ROWS] : null;
        double[] score = withScore ? new double[ROWS] : null;
        byte[] states = regression ? null : new byte[ROWS];
        double[] values = regression ? new double[ROWS] : null;
        byte[][] codes = new byte[features][ROWS];
        for (int i = 0; i < ROWS; i++) {
            ids[i] = IdHash.of("application-" + (10_000_000 + i));
            boolean labeled = r.nextDouble() < labeledShare;
            double s = r.nextDouble();
            if (score != null) {
                score[i] = s;
            }
            if (regression) {
                pred[i] = 1000 * r.nextDouble();
                values[i] = labeled ? pred[i] + r.nextDouble() * 50 - 25 : Double.NaN;
            } else {
                pp[i] = s >= 0.5;
                states[i] = labeled ? (byte) (r.nextDouble() < s ? 1 : 0) : EvaluationRows.UNKNOWN;
            }
            for (int f = 0; f < features; f++) {
                // 16 numeric features (11 decile slices incl. missing), then categorical ones (up to 16 codes).
                codes[f][i] = (byte) (f < 16 ? (r.nextInt(100) == 0 ? 15 : r.nextInt(10)) : r.nextInt(16));
            }
        }
        return IdOrder.sortById(new EvaluationRows(regression, ROWS, ids, pp, pred, score, states, values, codes));
    }

    private static long size(Connection c) throws SQLException {
        return Long.parseLong(scalar(c, "SELECT pg_total_relation_size('pending_predictions')"));
    }

    private static String migration() {
        try (InputStream in = PendingStorageBench.class.getResourceAsStream("/db/migration/V1__performance.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
