package io.modeltrust.alert.notify;

import io.modeltrust.alert.config.AlertConfig;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link TargetPolicy} of this service: alert.webhook.allowed-hosts, alert.webhook.platform-services
 * and the ports this service listens on, known once its HTTP servers have started (a test port is random).
 */
@ApplicationScoped
public class WebhookTargets {

    private final List<String> allowed;
    private final List<TargetPolicy.HostPort> platform = new ArrayList<>();
    private final Set<Integer> ownPorts = ConcurrentHashMap.newKeySet();
    private final List<InetAddress> local;
    private volatile TargetPolicy policy;

    public WebhookTargets(AlertConfig config, @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        allowed = config.webhook().allowedHosts().orElse(List.of());
        config.webhook().platformServices().forEach(s -> platform.add(TargetPolicy.HostPort.parse(s)));
        local = localAddresses();
        ownPorts.add(httpPort);
        rebuild(); // a malformed allowed-hosts entry stops the start here
    }

    void httpStarted(@Observes HttpServerStart started) {
        ownPorts.add(started.options().getPort());
        rebuild();
    }

    void httpsStarted(@Observes HttpsServerStart started) {
        ownPorts.add(started.options().getPort());
        rebuild();
    }

    public TargetPolicy policy() {
        return policy;
    }

    /** At registration: why the URL is refused, or null. A name that does not resolve now passes; it is checked again when sent. */
    public String refusal(URI url) {
        try {
            policy.check(url);
            return null;
        } catch (TargetPolicy.Refused e) {
            return e.getMessage();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private synchronized void rebuild() {
        List<TargetPolicy.HostPort> all = new ArrayList<>(platform);
        ownPorts.stream().filter(p -> p > 0).forEach(p -> all.add(new TargetPolicy.HostPort("localhost", p)));
        policy = new TargetPolicy(allowed, all, local, TargetPolicy.DNS);
    }

    private static List<InetAddress> localAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                out.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException e) {
            // Without the list, loopback and the unspecified address still count as this host.
        }
        return out;
    }
}
