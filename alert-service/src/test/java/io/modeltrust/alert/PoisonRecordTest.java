package io.modeltrust.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Records that can never be processed go to monitoring.dlq with the reason; the records around them are processed. */
@QuarkusTest
class PoisonRecordTest {

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheStreamContinues() {
        String m = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe dlq = new TopicProbe("monitoring.dlq"); ResultSender sender = new ResultSender()) {
            Map<TopicPartition, Long> from = dlq.endOffsets();
            sender.sendRaw(m, "this is not json");
            sender.sendRaw(m, "{\"modelId\": \"" + m + "\", \"batchId\": \"b1\"}");
            sender.sendRaw(m, "{\"kind\": \"latency\", \"modelId\": \"" + m + "\", \"batchId\": \"b1\", \"at\": \"2026-11-21T00:00:00Z\"}");
            sender.send(Results.drift(m, "b1", Instant.parse("2026-11-21T00:00:00Z"), List.of()));

            Await.until("the valid result after the poison", Duration.ofSeconds(60),
                    () -> given().get("/api/v1/models/" + m).statusCode() == 200);
            given().get("/api/v1/models/" + m).then().body("results", equalTo(1));
            List<ConsumerRecord<String, String>> dead = dlq.read(from, m, r -> r.size() >= 3, Duration.ofSeconds(60));
            assertEquals(List.of("this is not json", "{\"modelId\": \"" + m + "\", \"batchId\": \"b1\"}"),
                    dead.subList(0, 2).stream().map(ConsumerRecord::value).toList());
            assertEquals(3, dead.size());
            assertTrue(TopicProbe.header(dead.get(0), "dead-letter-reason").startsWith("not JSON"));
            assertEquals("missing kind", TopicProbe.header(dead.get(1), "dead-letter-reason"));
            assertTrue(TopicProbe.header(dead.get(2), "dead-letter-reason").startsWith("unknown kind 'latency'"));
            assertEquals("monitoring.results", TopicProbe.header(dead.get(2), "dead-letter-topic"));
        }
    }
}
