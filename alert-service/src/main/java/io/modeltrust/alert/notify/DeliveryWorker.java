package io.modeltrust.alert.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.modeltrust.alert.config.AlertConfig;
import io.modeltrust.alert.history.Jdbc;
import io.modeltrust.alert.rules.Times;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Sends queued webhook deliveries on its own thread, a round of due ones in parallel, and records
 * each attempt. A failure is retried after 1×, 2×, 4×… the initial backoff until the attempts run
 * out; the result pipeline never waits for any of it. Replicas on one database claim the deliveries
 * they send ({@link DeliveryClaims}), so a webhook gets each attempt once.
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

    private HttpClient http;
    private BackgroundLoop loop;

    void start(@Observes StartupEvent ev) {
        http = HttpClient.newBuilder().connectTimeout(config.webhook().timeout()).build();
        loop = new BackgroundLoop("webhook-delivery", this::round, config.webhook().pollInterval());
        if (config.webhook().enabled()) {
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        if (loop != null) {
            loop.stop();
        }
    }

    public void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    private record Due(DeliveryClaims.Claimed claim, String url, String secret) {
        long id() {
            return claim.id();
        }

        String channelId() {
            return claim.channelId();
        }
    }

    /** {@code last}: not worth retrying (the channel is gone, or its target refused). */
    private record Outcome(Due due, int status, String error, boolean last) {
        Outcome(Due due, int status, String error) {
            this(due, status, error, false);
        }

        boolean delivered() {
            return error == null && status >= 200 && status < 300;
        }
    }

    private Duration round() {
        List<Due> due = Jdbc.call(this::claim);
        List<CompletableFuture<Outcome>> sends = new ArrayList<>(due.size());
        for (Due d : due) {
            sends.add(send(d));
        }
        for (CompletableFuture<Outcome> f : sends) {
            Jdbc.call(() -> record(f.join()));
        }
        if (due.size() == ROUND) {
            return Duration.ZERO;
        }
        Instant next = Jdbc.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return DeliveryClaims.nextDue(c);
            }
        });
        Duration poll = config.webhook().pollInterval();
        if (next == null) {
            return poll;
        }
        Duration untilNext = Duration.between(Instant.now(), next);
        return untilNext.isNegative() || untilNext.isZero() ? Duration.ofMillis(1)
                : (untilNext.compareTo(poll) < 0 ? untilNext : poll);
    }

    private CompletableFuture<Outcome> send(Due d) {
        if (d.url() == null) {
            return CompletableFuture.completedFuture(new Outcome(d, 0, "channel no longer configured", true));
        }
        URI url;
        try {
            url = URI.create(d.url());
            // Checked again as sent: a name may resolve elsewhere now than when the channel was saved. The
            // HTTP client's lookup that follows is answered from the JVM's address cache this one filled.
            targets.policy().check(url);
        } catch (TargetPolicy.Refused e) {
            return CompletableFuture.completedFuture(new Outcome(d, 0, "refused: " + e.getMessage(), true));
        } catch (UnknownHostException e) {
            return CompletableFuture.completedFuture(new Outcome(d, 0, "unknown host " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            // The message would repeat the URL, credentials and all.
            return CompletableFuture.completedFuture(new Outcome(d, 0, "the channel's URL is not a valid URI", true));
        }
        byte[] body = d.claim().body().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(UrlSecrets.withoutUserInfo(url))
                .timeout(config.webhook().timeout())
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, WebhookSigner.sign(d.secret(), body))
                .header("X-Alert-Event-Id", d.claim().eventId())
                .header("X-Delivery-Id", Long.toString(d.id()))
                .header("X-Delivery-Attempt", Integer.toString(d.claim().attempts() + 1))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String authorization = UrlSecrets.basicAuthorization(url);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> new Outcome(d, r.statusCode(), null))
                .exceptionally(t -> new Outcome(d, 0, UrlSecrets.scrub(t.getCause() == null ? t.toString()
                        : t.getCause().toString())));
    }

    /** Claims a round of due deliveries (one short statement) and reads their channels' current url and secret. */
    private List<Due> claim() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<DeliveryClaims.Claimed> claimed = DeliveryClaims.claim(c, claimant.id(), claimant.lease(), ROUND);
            if (claimed.isEmpty()) {
                return List.of();
            }
            Map<String, NotificationChannel> byId = new HashMap<>();
            channels.list(c).forEach(ch -> byId.put(ch.id(), ch));
            List<Due> out = new ArrayList<>(claimed.size());
            for (DeliveryClaims.Claimed d : claimed) {
                NotificationChannel ch = byId.get(d.channelId());
                out.add(new Due(d, ch == null ? null : ch.url(), ch == null ? null : ch.secret()));
            }
            return out;
        }
    }

    private Void record(Outcome o) throws SQLException {
        int attempts = o.due().claim().attempts() + 1;
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
        registry.counter("alert.webhook.deliveries", "channel", o.due().channelId(), "outcome", outcome).increment();
        if (!o.delivered()) {
            registry.counter("alert.webhook.failures", "channel", o.due().channelId()).increment();
            LOG.infof("webhook %s delivery %d attempt %d failed (%s); %s", o.due().channelId(), o.due().id(), attempts,
                    o.error() != null ? o.error() : "HTTP " + o.status(), "failed".equals(status) ? "giving up" : "will retry");
        }
        DeliveryClaims.Attempt attempt = new DeliveryClaims.Attempt(status, attempts, next,
                o.status() > 0 ? o.status() : null,
                o.delivered() ? null : (o.error() != null ? o.error() : "HTTP " + o.status()));
        try (Connection c = dataSource.getConnection()) {
            if (!DeliveryClaims.finish(c, claimant.id(), o.due().id(), attempt)) {
                LOG.warnf("webhook %s delivery %d: the claim ran out during the attempt and another replica holds it now",
                        o.due().channelId(), o.due().id());
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
