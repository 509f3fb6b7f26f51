package io.modeltrust.service.messaging;

import io.modeltrust.model.Json;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes result events to monitoring.results keyed by modelId, returning once Kafka acknowledged. */
@ApplicationScoped
public class ResultPublisher {

    private final MutinyEmitter<String> emitter;

    public ResultPublisher(@Channel(Channels.RESULTS) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(String modelId, Object event) {
        publishJson(modelId, Json.toString(event));
    }

    /** For an event already serialised, so that a stored copy is byte for byte what was published. */
    public void publishJson(String modelId, String json) {
        emitter.sendMessageAndAwait(Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(modelId).build()));
    }
}
