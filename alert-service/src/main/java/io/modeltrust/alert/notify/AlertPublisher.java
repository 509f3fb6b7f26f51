package io.modeltrust.alert.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.alert.config.AlertConfig;
import io.modeltrust.alert.config.Channels;
import io.modeltrust.alert.history.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Moves alert events from the outbox to monitoring.alerts in commit order, keyed by modelId, and
 * deletes them only once Kafka acknowledged them: an event is never lost to a crash; at worst a
 * crash between acknowledgement and delete publishes it twice with the same eventId. Replicas on
 * one database claim the events they publish ({@link OutboxClaims}), so each is published by one.
 */
@ApplicationScoped
public class AlertPublisher {

    private static final int ROUND = 100;

    @Inject
    DataSource dataSource;

    @Inject
    AlertConfig config;

    @Inject
    @Channel(Channels.ALERTS_OUT)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> emitter;

    @Inject
    MeterRegistry registry;

    @Inject
    Claimant claimant;

    private BackgroundLoop loop;
    private Counter published;

    void start(@Observes StartupEvent ev) {
        published = Counter.builder("alert.events.published").description("Alert events acknowledged by Kafka")
                .register(registry);
        loop = new BackgroundLoop("alert-publisher", this::round, config.outboxPollInterval());
        if (config.publishAlerts()) {
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Called after a commit that queued events. */
    public void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    private Duration round() {
        List<OutboxClaims.Event> rows = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return OutboxClaims.claim(c, claimant.id(), claimant.lease(), ROUND);
            }
        }));
        if (rows.isEmpty()) {
            return config.outboxPollInterval();
        }
        List<Uni<Void>> acks = new ArrayList<>(rows.size());
        for (OutboxClaims.Event r : rows) {
            Message<String> message = Message.of(r.payload())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(r.modelId()).build());
            acks.add(emitter.sendMessage(message));
        }
        // Unacknowledged events keep their claim: this replica retries them (its claims include its own
        // leased rows), while another one would race sends that may still be in the producer's buffer.
        Uni.join().all(acks).andFailFast().await().atMost(config.publishTimeout());
        Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return OutboxClaims.delete(c, rows);
            }
        });
        published.increment(rows.size());
        return rows.size() == ROUND ? Duration.ZERO : config.outboxPollInterval();
    }
}
