package io.modeltrust.scenario.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Streams every row of every table of every schema of a database through a {@link CanaryScanner}. */
public final class DatabaseScan {

    /** What one table held: its rows, and each canary found with the number of its occurrences. */
    public record TableHits(String table, long rows, Map<Canary, Integer> hits) {
    }

    private DatabaseScan() {
    }

    public static List<TableHits> scan(Connection c, CanaryScanner scanner) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT table_schema, table_name FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                ORDER BY table_schema, table_name""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // the driver streams a result set only inside a transaction
        try {
            List<TableHits> out = new ArrayList<>();
            for (String[] t : tables) {
                out.add(table(c, t[0], t[1], scanner));
            }
            return out;
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static TableHits table(Connection c, String schema, String table, CanaryScanner scanner) throws SQLException {
        String name = quote(schema) + "." + quote(table);
        Map<Canary, Integer> hits = new LinkedHashMap<>();
        long rows = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(200);
            try (ResultSet rs = st.executeQuery("SELECT t::text FROM " + name + " t")) {
                while (rs.next()) {
                    rows++;
                    String text = rs.getString(1);
                    if (text != null) {
                        scanner.scan(text, canary -> hits.merge(canary, 1, Integer::sum));
                    }
                }
            }
        }
        return new TableHits(schema + "." + table, rows, hits);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
