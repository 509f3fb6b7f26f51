package io.modeltrust.alert.notify;

import io.modeltrust.alert.config.AlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

/**
 * This replica as the owner of outbox and delivery claims: its id (the host, for whoever reads the
 * tables, and a random part so that a restart does not resume the claims of its previous life) and
 * the lease its claims get.
 */
@ApplicationScoped
public class Claimant {

    private final String id;
    private final Duration lease;

    public Claimant(AlertConfig config) {
        // A lease shorter than the wait it covers would let a second replica take over work still in flight.
        requireLonger(config.claimLease(), "alert.publish-timeout", config.publishTimeout());
        // A delivery attempt may last twice the timeout (connecting, then answering).
        requireLonger(config.claimLease(), "twice alert.webhook.timeout", config.webhook().timeout().multipliedBy(2));
        this.lease = config.claimLease();
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        this.id = host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    public Duration lease() {
        return lease;
    }

    private static void requireLonger(Duration lease, String key, Duration wait) {
        if (lease.compareTo(wait) <= 0) {
            throw new IllegalStateException("alert.claim-lease (" + lease + ") must be longer than " + key + " (" + wait + ")");
        }
    }
}
