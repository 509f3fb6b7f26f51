package io.modeltrust.alert.messaging;

import io.modeltrust.security.Failures;

import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.alert.config.AlertConfig;
import io.modeltrust.alert.config.Channels;
import io.modeltrust.alert.history.DictionaryCache;
import io.modeltrust.alert.history.ResultEvent;
import io.modeltrust.alert.lifecycle.ChangeLog;
import io.modeltrust.alert.lifecycle.ConcurrentAlertChangeException;
import io.modeltrust.alert.notify.AlertPublisher;
import io.modeltrust.alert.notify.DeliveryWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes monitoring.results a poll at a time. Records are acknowledged (and so their offsets
 * committed) only after the transaction that stored them committed. A poison record is
 * dead-lettered; while the database is unreachable the same poll is retried with backoff, nothing
 * is acknowledged and readiness reports down.
 */
@ApplicationScoped
public class ResultConsumer {

    private static final Logger LOG = Logger.getLogger(ResultConsumer.class);
    private static final int CONFLICT_RETRIES = 5;

    @Inject
    ResultPipeline pipeline;
    @Inject
    DictionaryCache dictionaries;
    @Inject
    @Readiness
    PipelineHealth health;
    @Inject
    AlertPublisher publisher;
    @Inject
    DeliveryWorker deliveries;
    @Inject
    AlertConfig config;
    @Inject
    MeterRegistry registry;

    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent ev) {
        stopping = true;
    }

    @Incoming(Channels.RESULTS_IN)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<ResultEvent> events = new ArrayList<>();
        List<KafkaRecord<String, String>> sources = new ArrayList<>();
        List<CompletionStage<Void>> deadLettered = new ArrayList<>();
        for (KafkaRecord<String, String> r : batch) {
            try {
                events.add(ResultParser.parse(r.getPayload()));
                sources.add(r);
            } catch (PoisonResultException e) {
                deadLettered.add(reject(r, e));
            }
        }
        if (!events.isEmpty() && !processOrIsolate(events, sources, deadLettered)) {
            return new CompletableFuture<>(); // shutting down mid-retry: leave the poll unacknowledged for redelivery
        }
        deadLettered.forEach(s -> s.toCompletableFuture().join());
        return batch.ack();
    }

    private boolean processOrIsolate(List<ResultEvent> events, List<KafkaRecord<String, String>> sources,
                                     List<CompletionStage<Void>> deadLettered) {
        try {
            return processWithRetry(events);
        } catch (RuntimeException failure) {
            LOG.warnf("a poll of %d results failed (%s); processing them one by one", events.size(), brief(failure));
            for (int i = 0; i < events.size(); i++) {
                try {
                    if (!processWithRetry(List.of(events.get(i)))) {
                        return false;
                    }
                } catch (RuntimeException e) {
                    LOG.errorf("result %s cannot be processed (%s); dead-lettering it", events.get(i).eventId(), brief(e));
                    LOG.debug("processing failure", e);
                    deadLettered.add(reject(sources.get(i), new PoisonResultException("processing failed: " + e)));
                }
            }
            return true;
        }
    }

    /** True once processed; false when shutting down; throws when the records themselves fail. */
    private boolean processWithRetry(List<ResultEvent> events) {
        int attempt = 0;
        int conflicts = 0;
        while (!stopping) {
            try {
                ResultPipeline.Summary summary = pipeline.process(events);
                health.recovered();
                committed(events.size(), summary);
                return true;
            } catch (RuntimeException e) {
                dictionaries.invalidateAll(); // the rolled-back transaction may have grown them
                if (e instanceof ConcurrentAlertChangeException && ++conflicts <= CONFLICT_RETRIES) {
                    continue;
                }
                if (!Failures.isTransient(e)) {
                    throw e;
                }
                health.failing(e);
                Duration wait = backoff(attempt++);
                LOG.warnf("database unavailable (%s); retrying %d results in %s", brief(e), events.size(), wait);
                sleep(wait);
            }
        }
        return false;
    }

    /** The failure in a line: batch statements quote every row, and the real reason hides in getNextException. */
    static String brief(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.sql.SQLException sql && sql.getNextException() != null) {
            root = sql.getNextException();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private Duration backoff(int attempt) {
        Duration d = Duration.ofMillis(500L << Math.min(attempt, 10));
        Duration max = config.databaseRetryMaxBackoff();
        return d.compareTo(max) > 0 ? max : d;
    }

    private void sleep(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (!stopping && System.nanoTime() < end) {
            try {
                Thread.sleep(Math.min(200, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private CompletionStage<Void> reject(KafkaRecord<String, String> r, PoisonResultException e) {
        registry.counter("alert.results.rejected").increment();
        String where = r.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset()).orElse("?");
        LOG.warnf("dead-lettering record %s: %s", where, e.getMessage());
        return r.nack(e);
    }

    private void committed(int received, ResultPipeline.Summary s) {
        for (ResultEvent e : s.stored()) {
            registry.counter("alert.results.stored", "kind", e.kind()).increment();
        }
        if (received > s.stored().size()) {
            registry.counter("alert.results.duplicates").increment(received - s.stored().size());
        }
        for (ChangeLog.Change ch : s.changes()) {
            registry.counter("alert.alerts", "kind", ch.alert().kind, "severity", ch.alert().severity.id(),
                    "transition", ch.transition().name().toLowerCase(Locale.ROOT)).increment();
        }
        if (s.queued().events() > 0) {
            publisher.wake();
        }
        if (s.queued().deliveries() > 0) {
            deliveries.wake();
        }
    }
}
