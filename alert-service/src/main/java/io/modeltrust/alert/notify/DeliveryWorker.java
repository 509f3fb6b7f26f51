package io.modeltrust.alert.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.alert.config.AlertConfig;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.rules.Times;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Sends queued deliveries, webhook and email alike, and records each attempt. A failure is retried after 1×, 2×, 4×…
 * the initial backoff until the attempts run out; the result pipeline never waits for any of it.
 * Each delivery is sent on a thread of its own (at most alert.webhook.max-in-flight at once, at most
 * alert.webhook.per-channel-in-flight to one channel) and recorded when it ends, so a slow webhook
 * holds up only its own deliveries: the claiming thread goes on with the other channels'. Replicas on
 * one database claim the deliveries they send ({@link DeliveryClaims}), so a channel gets each attempt once.
 * A delivery is sent as the medium it was queued for; a channel whose type changed since fails it.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int ROUND = 20;

    @Inject
    DataSource dataSource;

    @Inject
    AlertConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    ChannelStore channels;

    @Inject
    Claimant claimant;

    @Inject
    WebhookTargets targets;

    @Inject
    ReactiveMailer mailer;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Integer> inFlightByChannel = new ConcurrentHashMap<>();
    private WebhookSender sender;
    private EmailSender email;
    private ExecutorService sending;
    private BackgroundLoop loop;

    void start(@Observes StartupEvent ev) {
        AlertConfig.Webhook webhook = config.webhook();
        if (webhook.maxInFlight() < 1 || webhook.perChannelInFlight() < 1) {
            throw new IllegalStateException("alert.webhook.max-in-flight and per-channel-in-flight must be at least 1");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(webhook.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        sender = new WebhookSender(http, targets::policy, webhook.timeout());
        email = new EmailSender(mailer, webhook.timeout());
        AtomicInteger threads = new AtomicInteger();
        sending = Executors.newFixedThreadPool(webhook.maxInFlight(), r -> {
            Thread t = new Thread(r, "webhook-send-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new BackgroundLoop("webhook-delivery", this::round, webhook.pollInterval());
        if (webhook.enabled()) {
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        if (loop != null) {
            loop.stop();
        }
        if (sending != null) {
            sending.shutdownNow(); // unfinished attempts are retried when their claims run out
        }
    }

    public void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    /** A claimed delivery and its channel as it is now (null when it was deleted). */
    private record Due(DeliveryClaims.Claimed claim, NotificationChannel channel) {
    }

    /** Claims what the free sending slots can take, hands each to a sending thread, and says when to look again. */
    private Duration round() {
        Duration poll = config.webhook().pollInterval();
        int limit = Math.min(ROUND, config.webhook().maxInFlight() - inFlight.get());
        if (limit <= 0) {
            return poll; // a send that ends wakes the loop
        }
        List<Due> due = Jdbc.call(() -> claim(limit));
        for (Due d : due) {
            inFlight.incrementAndGet();
            inFlightByChannel.merge(d.claim().channelId(), 1, Integer::sum);
            sending.execute(() -> deliver(d));
        }
        if (due.size() == limit) {
            return Duration.ZERO;
        }
        Instant next = Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return DeliveryClaims.nextDue(c);
            }
        });
        if (next == null) {
            return poll;
        }
        Duration untilNext = Duration.between(Instant.now(), next);
        // A due delivery left unclaimed belongs to a channel without room: a send that ends wakes the loop.
        return untilNext.isNegative() || untilNext.isZero() ? poll : (untilNext.compareTo(poll) < 0 ? untilNext : poll);
    }

    /** Claims due deliveries (one short statement) within each channel's room, with their channels as they are now. */
    private List<Due> claim(int limit) throws SQLException {
        int perChannel = config.webhook().perChannelInFlight();
        Map<String, Integer> room = new HashMap<>();
        inFlightByChannel.forEach((channel, n) -> room.put(channel, Math.max(0, perChannel - n)));
        try (Connection c = dataSource.getConnection()) {
            List<DeliveryClaims.Claimed> claimed = DeliveryClaims.claim(c, claimant.id(), claimant.lease(), limit,
                    perChannel, room);
            if (claimed.isEmpty()) {
                return List.of();
            }
            Map<String, NotificationChannel> byId = new HashMap<>();
            channels.list(c).forEach(ch -> byId.put(ch.id(), ch));
            List<Due> out = new ArrayList<>(claimed.size());
            for (DeliveryClaims.Claimed d : claimed) {
                out.add(new Due(d, byId.get(d.channelId())));
            }
            return out;
        }
    }

    private void deliver(Due d) {
        DeliveryClaims.Claimed claim = d.claim();
        try {
            Outcome o = send(d);
            Jdbc.call(() -> record(claim, o));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the claim runs out and the delivery is retried
        } catch (RuntimeException e) {
            LOG.warnf("channel %s delivery %d: the attempt could not be recorded (%s); retried when its claim runs out",
                    claim.channelId(), claim.id(), e.getMessage());
        } finally {
            inFlightByChannel.computeIfPresent(claim.channelId(), (k, n) -> n <= 1 ? null : n - 1);
            inFlight.decrementAndGet();
            wake();
        }
    }

    private Outcome send(Due d) throws InterruptedException {
        DeliveryClaims.Claimed claim = d.claim();
        NotificationChannel ch = d.channel();
        ChannelType medium = ChannelType.find(claim.medium());
        if (ch != null && ch.type() != medium) {
            return Outcome.failed(0, "queued as " + claim.medium() + ", but the channel is now of type " + ch.type().id(), true);
        }
        if (medium == ChannelType.EMAIL) {
            return email.send(new EmailSender.Attempt(claim.id(), claim.eventId(), claim.body(), ch == null ? null : ch.to()));
        }
        return sender.send(new WebhookSender.Attempt(claim.id(), claim.eventId(), claim.attempts() + 1, claim.body(),
                ch == null ? null : ch.url(), ch == null ? null : ch.secret()));
    }

    private Void record(DeliveryClaims.Claimed claim, Outcome o) throws SQLException {
        int attempts = claim.attempts() + 1;
        String status;
        Instant next = Instant.now();
        if (o.delivered()) {
            status = "delivered";
        } else if (o.last() || attempts >= config.webhook().maxAttempts()) {
            status = "failed";
        } else {
            status = "pending";
            next = Times.plus(next, backoff(attempts));
        }
        String outcome = o.delivered() ? "delivered" : ("failed".equals(status) ? "failed" : "retry");
        registry.counter("alert.webhook.deliveries", "channel", claim.channelId(), "outcome", outcome).increment();
        if (!o.delivered()) {
            registry.counter("alert.webhook.failures", "channel", claim.channelId()).increment();
            LOG.infof("channel %s delivery %d attempt %d failed (%s); %s", claim.channelId(), claim.id(), attempts,
                    o.problem(), "failed".equals(status) ? "giving up" : "will retry");
        }
        DeliveryClaims.Attempt attempt = new DeliveryClaims.Attempt(status, attempts, next,
                o.status() > 0 ? o.status() : null, o.problem());
        try (Connection c = dataSource.getConnection()) {
            if (!DeliveryClaims.finish(c, claimant.id(), claim.id(), attempt)) {
                LOG.warnf("channel %s delivery %d: the claim ran out during the attempt and another replica holds it now",
                        claim.channelId(), claim.id());
            }
        }
        return null;
    }

    /** 1×, 2×, 4×… the initial backoff after the 1st, 2nd, 3rd… failed attempt, capped. */
    Duration backoff(int failedAttempts) {
        return Times.times(config.webhook().initialBackoff(), 1L << Math.min(20, Math.max(0, failedAttempts - 1)),
                config.webhook().maxBackoff());
    }
}
