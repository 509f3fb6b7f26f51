package io.modeltrust.alert.deletion;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modeltrust.alert.Await;
import io.modeltrust.alert.ResultSender;
import io.modeltrust.alert.Results;
import io.modeltrust.model.event.ControlEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Through the real broker and database: a batch_deleted event on monitoring.control removes that batch's
 * history and the alerts only it raised; a model_deleted event removes every row of the model (results,
 * timeline, series, rules, alerts and their trail), after which the batches API answers 404; late results
 * of the deleted model are dropped, results of a model registered again under the id are kept.
 */
@QuarkusTest
class AlertDeletionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> MODEL_TABLES = List.of("results", "batches", "result_vectors", "series_keys",
            "rule_sets", "alerts", "alert_occurrences", "models");

    @Inject
    DataSource dataSource;

    @Test
    void deletesABatchThenTheModelAndDropsLateResults() throws Exception {
        String m = "del-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.now().minus(Duration.ofHours(4));
        try (ResultSender sender = new ResultSender()) {
            sender.send(Results.drift(m, "b1", t0, List.of()));
            sender.send(Results.drift(m, "b2", t0.plus(Duration.ofHours(1)), List.of()));
            // Only b3 drifts: its alert is raised by b3 alone.
            sender.send(Results.drift(m, "b3", t0.plus(Duration.ofHours(2)), List.of("income", "age")));
            Await.until("three batches and b3's alert", WAIT, () -> count("SELECT count(*) FROM batches WHERE model_id = ?", m) == 3
                    && count("SELECT count(*) FROM alerts WHERE model_id = ?", m) > 0);
            long alertsOfB3 = count("SELECT count(*) FROM alerts WHERE model_id = ?", m);

            send(ControlEvent.batchDeleted(UUID.randomUUID().toString(), m, "b3", "tester", Instant.now()));
            Await.until("b3 gone", WAIT, () -> count("SELECT count(*) FROM batches WHERE model_id = ? AND batch_id = 'b3'", m) == 0);
            assertEquals(0, count("SELECT count(*) FROM results WHERE model_id = ? AND batch_id = 'b3'", m));
            assertEquals(0, count("SELECT count(*) FROM alert_occurrences WHERE model_id = ? AND batch_id = 'b3'", m));
            assertEquals(0, count("SELECT count(*) FROM alerts WHERE model_id = ?", m), alertsOfB3 + " alerts of b3 only");
            assertEquals(2, count("SELECT count(*) FROM batches WHERE model_id = ?", m));
            assertEquals(1, count("SELECT count(*) FROM models WHERE model_id = ? AND latest_batch_id = 'b2'", m),
                    "the newest batch is b2 again");
            // A late result of the deleted batch is dropped.
            sender.send(Results.performance(m, "b3", t0.plus(Duration.ofHours(2)), 1, 0.8, 0.02, 0.85));

            ControlEvent deletion = ControlEvent.modelDeleted(UUID.randomUUID().toString(), m, "tester", Instant.now());
            send(deletion);
            Await.until("the model gone", WAIT, () -> MODEL_TABLES.stream().allMatch(t -> rows(t, m) == 0));
            int status = given().get("/api/v1/models/" + m + "/batches").then().extract().statusCode();
            assertTrue(status == 404 || given().get("/api/v1/models/" + m + "/batches").asString().equals("[]"),
                    "batches of a deleted model: " + status);

            ObjectNode late = Results.drift(m, "b4", t0.plus(Duration.ofHours(3)), List.of());
            late.put("computedAt", deletion.at().minusSeconds(5).toString());
            sender.send(late);
            ObjectNode again = Results.drift(m, "n1", Instant.now(), List.of());
            again.put("computedAt", deletion.at().plusSeconds(5).toString());
            sender.send(again);
            Await.until("the model registered again is stored", WAIT,
                    () -> count("SELECT count(*) FROM batches WHERE model_id = ? AND batch_id = 'n1'", m) == 1);
            assertEquals(0, count("SELECT count(*) FROM results WHERE model_id = ? AND batch_id IN ('b3', 'b4')", m),
                    "results of the deleted model that arrive late are dropped");

            send(deletion); // a replay deletes nothing of the new model
            ControlEvent marker = ControlEvent.batchDeleted(UUID.randomUUID().toString(), m, "none", "tester",
                    Instant.now());
            send(marker);
            Await.until("the marker purged", WAIT, () -> count("SELECT count(*) FROM control_deletions WHERE "
                    + "event_id = ? AND purged_at IS NOT NULL", marker.eventId()) == 1);
            assertEquals(1, count("SELECT count(*) FROM batches WHERE model_id = ? AND batch_id = 'n1'", m));
        }
    }

    private static void send(ControlEvent event) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("monitoring.control", event.modelId(), event.toJson())).get();
        }
    }

    private long rows(String table, String model) {
        return count("SELECT count(*) FROM " + table + " WHERE model_id = ?", model);
    }

    private long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
