import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Local PostgreSQL helper for deploy/local, run as a single-file program:
 *   ensure-db HOST PORT USER DB [--fresh]  creates DB when missing (--fresh: drops it first)
 *   embedded PORT DATA_DIR                 runs an embedded PostgreSQL until killed
 */
public class PgTool {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ensure-db" -> ensureDb(args[1], args[2], args[3], args[4], args.length > 5 && args[5].equals("--fresh"));
            case "embedded" -> embedded(Integer.parseInt(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void ensureDb(String host, String port, String user, String db, boolean fresh) throws Exception {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, user, System.getenv().getOrDefault("PGPASSWORD", "postgres"))) {
            if (fresh) {
                c.createStatement().execute("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
            }
            ResultSet rs = c.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'");
            if (!rs.next()) {
                c.createStatement().execute("CREATE DATABASE \"" + db + "\"");
                System.out.println("created database " + db);
            }
        }
    }

    private static void embedded(int port, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        var pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
        System.out.println("embedded PostgreSQL ready on port " + port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        }));
        Thread.currentThread().join();
    }
}
