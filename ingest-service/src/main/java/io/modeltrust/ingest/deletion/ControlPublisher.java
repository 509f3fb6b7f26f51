package io.modeltrust.ingest.deletion;

import io.modeltrust.ingest.config.IngestConfig;
import io.modeltrust.ingest.publish.ProducerSettings;
import io.modeltrust.model.event.ControlEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes control events to monitoring.control, keyed by modelId so one model's events stay in order. */
@ApplicationScoped
public class ControlPublisher {

    @Inject
    IngestConfig config;

    /** Quarkus' view of every kafka.* key and KAFKA_* variable, as the batch publisher uses it. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private KafkaProducer<String, String> producer;

    @PostConstruct
    void start() {
        Map<String, String> props = new HashMap<>();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        long timeoutMs = config.publishTimeout().toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.max(1000, timeoutMs / 2)));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeoutMs / 2)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(2000, timeoutMs)));
        producer = new KafkaProducer<>(ProducerSettings.of(kafkaConfig, props), new StringSerializer(),
                new StringSerializer());
    }

    @PreDestroy
    void stop() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** True when Kafka acknowledged the event within ingest.publish-timeout. */
    public boolean publish(ControlEvent event) {
        try {
            producer.send(new ProducerRecord<>(config.controlTopic(), event.modelId(), event.toJson()))
                    .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return false;
        }
    }
}
