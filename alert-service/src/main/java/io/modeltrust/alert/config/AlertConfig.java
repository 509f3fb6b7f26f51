package io.modeltrust.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the alert service; every key can be overridden by env (ALERT_…). */
@ConfigMapping(prefix = "alert")
public interface AlertConfig {

    /** Consecutive batches without a breach after which an open or acknowledged alert resolves itself. */
    @WithDefault("2")
    int autoResolveAfterBatches();

    /** Cooldown of rules that do not set their own: a breach this close (in batch time) to the last one reopens the old alert without paging. */
    @WithDefault("PT6H")
    Duration defaultCooldown();

    /** Significance level for rules that require significance (fairness group p-values). */
    @WithDefault("0.05")
    double significanceAlpha();

    /** Where users reach this service (e.g. https://monitoring.example.com): it prefixes every dashboard and API link in alert events and webhooks; env ALERT_PUBLIC_URL. */
    @WithDefault("http://localhost:8085")
    String publicUrl();

    /** Publish alert events from the outbox to Kafka; false holds them in the database (e.g. during a broker migration). */
    @WithDefault("true")
    boolean publishAlerts();

    /** Lay out one small PDF after start-up so the first report is fast; the tests, which boot often, turn it off. */
    @WithDefault("true")
    boolean reportWarmUp();

    /** How often the outbox is polled when no commit has signalled new events. */
    @WithDefault("1s")
    Duration outboxPollInterval();

    /** Longest wait for Kafka to acknowledge a round of alert events before it is retried. */
    @WithDefault("30s")
    Duration publishTimeout();

    /**
     * How long a replica's claim on an outbox event or a webhook delivery lasts before another replica may
     * take the work over (the claimer died); longer than publish-timeout and twice webhook.timeout.
     */
    @WithDefault("2m")
    Duration claimLease();

    /** Base URL of ingest-service, where the dashboard's "delete this model" is forwarded (docs/api.md "Deleting"). */
    @WithDefault("http://127.0.0.1:8081")
    String ingestUrl();

    /**
     * Results of a deleted model computed before its deletion plus this are dropped when they arrive late;
     * the same as ingest.deleted-id-hold, the time before ingest lets the id be registered again.
     */
    @WithDefault("PT10M")
    Duration deletedIdHold();

    /** Longest pause between retries of a batch while the database is unreachable. */
    @WithDefault("30s")
    Duration databaseRetryMaxBackoff();

    /** Delivery settings of every channel: the retries, timeouts and in-flight bounds apply to email channels too. */
    Webhook webhook();

    /** The notification budget (alert.notify.*; the method cannot be called notify, which Object has). */
    @WithName("notify")
    Notify notification();

    interface Notify {

        /** Notifications one channel is sent for one model per clock hour (UTC); further ones are held and sent as one digest when the hour ends; 0 sends every one. */
        @WithDefault("20")
        int maxPerModelPerHour();
    }

    interface Webhook {

        /** Send queued deliveries; false holds them in the database (e.g. a copy restored from a backup, being checked). */
        @WithDefault("true")
        boolean enabled();

        /** Attempts per delivery, the first included, before it is marked failed. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait before the first retry; each further retry waits twice as long. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Upper bound of the wait between retries. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** Connect and response timeout of one delivery attempt. */
        @WithDefault("5s")
        Duration timeout();

        /** Deliveries being sent at once, each on a thread of its own. */
        @WithDefault("32")
        int maxInFlight();

        /** Deliveries to one channel being sent at once: a slow webhook takes no more sending threads than this. */
        @WithDefault("4")
        int perChannelInFlight();

        /** How often due deliveries are polled when no commit has signalled new ones. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Hosts, addresses and CIDR blocks (comma-separated) that webhooks may reach although loopback, private, link-local, unspecified or multicast; env ALERT_WEBHOOK_ALLOWED_HOSTS. */
        Optional<List<String>> allowedHosts();

        /** The platform's services as host:port (comma-separated), never a webhook target whatever allowed-hosts says; this service's own ports are added. */
        @WithDefault("localhost:8081,localhost:8082,localhost:8083,localhost:8084,localhost:8085")
        List<String> platformServices();
    }
}
