package io.modeltrust.alert.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * A schema of its own in the test database, migrated like the service's: tests of the claim SQL run on
 * the real tables without a running alert-service (which shares the database) taking their rows.
 */
final class TestSchema implements AutoCloseable {

    private static final String URL = System.getenv().getOrDefault("TEST_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:5432/monitoring_test");
    private static final String USER = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "postgres");

    final String name;

    TestSchema(String prefix) {
        name = prefix + "_" + Long.toHexString(System.nanoTime());
        Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(name).createSchemas(true)
                .locations("classpath:db/migration").load().migrate();
    }

    /** A connection whose unqualified table names are this schema's. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name, USER, PASSWORD);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
