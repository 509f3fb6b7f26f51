package io.modeltrust.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeltrust.model.Json;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes result events to monitoring.results keyed by modelId, as the metric services do. */
public final class ResultSender implements AutoCloseable {

    public static final String TOPIC = "monitoring.results";
    private final KafkaProducer<String, String> producer;

    public ResultSender() {
        this(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public ResultSender(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(1 << 20));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends and waits for the acknowledgement; returns the exact text sent. */
    public String send(JsonNode result) {
        String text = Json.toString(result);
        sendRaw(result.path("modelId").asText(), text);
        return text;
    }

    public void sendRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Sends without waiting, for bulk sends; {@link #flush()} waits for all of them. */
    public void sendAsync(String key, String value) {
        producer.send(new ProducerRecord<>(TOPIC, key, value));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
