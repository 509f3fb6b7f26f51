package io.modeltrust.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modeltrust.model.event.ControlEvent;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * DELETE of a model or batch answers 202, removes ingest's own data, refuses later uploads with 409, is a
 * no-op when repeated, lands one control event per deletion on monitoring.control, and is listed in the audit log.
 */
@QuarkusTest
class DeletionTest {

    private static final String BATCH = "application_id,income,purpose,sex,approved,score\n"
            + "p1,1200,car,male,1,0.7\np2,800,house,female,0,0.2\n";

    @Test
    void deletingAModelRemovesItAndRefusesUploads() {
        String model = CreditModelFixture.registerWithReference();
        String batchId = postBatch(model).extract().path("batchId");
        String eventId = given().delete("/api/v1/models/" + model).then().statusCode(202)
                .contentType(containsJson()).body("kind", equalTo("model_deleted")).body("modelId", equalTo(model))
                .body("batchId", nullValue()).body("actor", equalTo("anonymous")).body("at", notNullValue())
                .body("publishedAt", notNullValue()).extract().path("eventId");

        given().get("/api/v1/models/" + model).then().statusCode(404);
        given().get("/api/v1/models/" + model + "/batches/" + batchId).then().statusCode(404);
        given().contentType("text/csv").body(BATCH).post("/api/v1/models/" + model + "/batches").then()
                .statusCode(409).contentType("application/problem+json").body("title", equalTo("Model deleted"));
        given().contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV)
                .post("/api/v1/models/" + model + "/reference").then().statusCode(409);
        given().contentType("text/csv").body("application_id,defaulted\np1,0\n")
                .post("/api/v1/models/" + model + "/labels").then().statusCode(409);
        assertTrue(given().get("/api/v1/models").then().statusCode(200).extract().jsonPath()
                .getList("modelId").stream().noneMatch(model::equals));

        given().delete("/api/v1/models/" + model).then().statusCode(202).body("eventId", equalTo(eventId));
        List<ControlEvent> events = controlEvents(model, 1);
        assertEquals(1, events.size(), "a repeated DELETE publishes nothing: " + events);
        assertEquals(ControlEvent.Kind.MODEL_DELETED, events.get(0).kind());
        assertEquals(eventId, events.get(0).eventId());
        assertEquals("anonymous", events.get(0).actor());

        JsonPath audit = given().queryParam("modelId", model).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(eventId), audit.getList("eventId"));
        assertEquals("model_deleted", audit.getString("[0].kind"));
    }

    @Test
    void aModelRegisteredAgainAcceptsUploadsAndStartsAnew() {
        String model = CreditModelFixture.registerWithReference();
        given().delete("/api/v1/models/" + model).then().statusCode(202);
        given().contentType("application/json").body(CreditModelFixture.SPEC).put("/api/v1/models/" + model)
                .then().statusCode(201).body("referenceVersion", equalTo(0));
        given().contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV)
                .post("/api/v1/models/" + model + "/reference").then().statusCode(201).body("referenceVersion", equalTo(1));
        postBatch(model);
        String second = given().delete("/api/v1/models/" + model).then().statusCode(202).extract().path("eventId");
        List<String> audited = given().queryParam("modelId", model).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath().getList("eventId");
        assertEquals(2, audited.size());
        assertEquals(second, audited.get(0), "newest first");
    }

    @Test
    void deletingABatchRemovesOnlyThatBatch() {
        String model = CreditModelFixture.registerWithReference();
        String doomed = given().contentType("text/csv").body(BATCH.replace("p1,", "d1,").replace("p2,", "d2,"))
                .post("/api/v1/models/" + model + "/batches").then().statusCode(202).extract().path("batchId");
        String kept = postBatch(model).extract().path("batchId");
        String eventId = given().delete("/api/v1/models/" + model + "/batches/" + doomed).then().statusCode(202)
                .body("kind", equalTo("batch_deleted")).body("batchId", equalTo(doomed)).extract().path("eventId");
        given().get("/api/v1/models/" + model + "/batches/" + doomed).then().statusCode(404);
        given().get("/api/v1/models/" + model + "/batches/" + kept).then().statusCode(200);
        given().get("/api/v1/models/" + model).then().statusCode(200);
        given().delete("/api/v1/models/" + model + "/batches/" + doomed).then().statusCode(202)
                .body("eventId", equalTo(eventId));
        given().delete("/api/v1/models/" + model + "/batches/no-such-batch").then().statusCode(404)
                .contentType("application/problem+json");
        given().delete("/api/v1/models/no-such-model/batches/" + kept).then().statusCode(404);
        given().delete("/api/v1/models/no-such-model-" + System.nanoTime()).then().statusCode(404)
                .contentType("application/problem+json");
        List<ControlEvent> events = controlEvents(model, 1);
        assertEquals(1, events.size(), events.toString());
        assertEquals(doomed, events.get(0).batchId());
        // Labels of the deleted batch's rows no longer match: its id hashes went with it.
        given().contentType("text/csv").body("application_id,defaulted\nd1,0\np1,0\n")
                .post("/api/v1/models/" + model + "/labels").then().statusCode(202).body("matched", equalTo(1));
    }

    @Test
    void referencesAndLabelsAreNotDeletedOneByOne() {
        String model = CreditModelFixture.registerOnly();
        String reference = given().contentType("text/csv").body(CreditModelFixture.REFERENCE_CSV)
                .post("/api/v1/models/" + model + "/reference").then().statusCode(201).extract().path("batchId");
        given().delete("/api/v1/models/" + model + "/batches/" + reference).then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Not a production batch"));
        given().get("/api/v1/models/" + model + "/batches/" + reference).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse postBatch(String model) {
        return given().contentType("text/csv").body(BATCH.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/models/" + model + "/batches").then().statusCode(202);
    }

    private static String containsJson() {
        return "application/json";
    }

    /** The control events of this model on monitoring.control, read until {@code expected} arrived and 2 s more. */
    static List<ControlEvent> controlEvents(String model, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ControlEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("monitoring.control").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(20);
            Instant quietUntil = null;
            while (Instant.now().isBefore(deadline) && (quietUntil == null || Instant.now().isBefore(quietUntil))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (model.equals(r.key())) {
                        found.add(ControlEvent.fromJson(r.value()));
                    }
                }
                if (quietUntil == null && found.size() >= expected) {
                    quietUntil = Instant.now().plusSeconds(2);
                }
            }
        }
        return found;
    }
}
