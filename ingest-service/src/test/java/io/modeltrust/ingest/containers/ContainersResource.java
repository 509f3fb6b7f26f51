package io.modeltrust.ingest.containers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Kafka and PostgreSQL in containers, for a developer laptop with Docker. Where there is no Docker
 * engine (CI here) the tests that use it are disabled and deploy/local/test.sh's broker and
 * database are used instead.
 */
public class ContainersResource implements QuarkusTestResourceLifecycleManager {

    private KafkaContainer kafka;
    private PostgreSQLContainer postgres;

    @Override
    public Map<String, String> start() {
        kafka = new KafkaContainer("apache/kafka:4.1.0");
        postgres = new PostgreSQLContainer("postgres:16-alpine").withDatabaseName("monitoring");
        kafka.start();
        postgres.start();
        return Map.of(
                "kafka.bootstrap.servers", kafka.getBootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl(),
                "quarkus.datasource.username", postgres.getUsername(),
                "quarkus.datasource.password", postgres.getPassword());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }
}
