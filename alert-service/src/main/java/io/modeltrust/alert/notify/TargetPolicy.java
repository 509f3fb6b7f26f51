package io.modeltrust.alert.notify;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which URLs a webhook may POST to. Refused: the platform's own services (host:port, whatever is
 * allowed), and any URL whose host is or resolves to a non-public address ({@link AddressClass})
 * that the allowed list does not name: a host name there allows whatever it resolves to, an address
 * or CIDR block allows the addresses in it. Every address a name resolves to must pass, as the
 * HTTP client may connect to any of them.
 */
public final class TargetPolicy {

    /** Name lookup, so that tests can say what a name resolves to. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** A refused target; the message names the host and why, never the rest of the URL (it may hold credentials). */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** One of the platform's services, {@code host:port}. */
    public record HostPort(String host, int port) {
        public static HostPort parse(String text) {
            String t = text.trim();
            int colon = t.lastIndexOf(':');
            if (colon <= 0 || colon == t.length() - 1) {
                throw new IllegalArgumentException("'" + text + "' is not host:port");
            }
            try {
                int port = Integer.parseInt(t.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("'" + text + "': port out of range");
                }
                return new HostPort(normalisedHost(t.substring(0, colon)), port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not host:port");
            }
        }
    }

    public static final Resolver DNS = host -> Arrays.asList(InetAddress.getAllByName(host));

    private final Set<String> allowedNames = new HashSet<>();
    private final List<Cidr> allowedBlocks = new ArrayList<>();
    private final List<HostPort> platform;
    private final Set<String> localAddresses = new HashSet<>();
    private final Resolver resolver;

    /**
     * @param allowed hosts, addresses and CIDR blocks that may be reached although not public
     * @param platform the platform's services, never reachable
     * @param local this host's own addresses: a platform entry on localhost covers them all
     */
    public TargetPolicy(Collection<String> allowed, Collection<HostPort> platform, Collection<InetAddress> local,
                        Resolver resolver) {
        for (String entry : allowed) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (e.contains("/") || Cidr.literal(e).isPresent()) {
                allowedBlocks.add(Cidr.parse(e));
            } else {
                allowedNames.add(normalisedHost(e));
            }
        }
        this.platform = List.copyOf(platform);
        local.forEach(a -> localAddresses.add(key(a)));
        this.resolver = resolver;
    }

    /**
     * The addresses {@code url} reaches, every one of them allowed.
     *
     * @throws Refused when the URL must not be called
     * @throws UnknownHostException when its host does not resolve (now)
     */
    public List<InetAddress> check(URI url) throws Refused, UnknownHostException {
        String host = normalisedHost(url.getHost() == null ? "" : url.getHost());
        if (host.isEmpty()) {
            throw new Refused("the URL has no host");
        }
        int port = url.getPort() >= 0 ? url.getPort() : ("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
        for (HostPort p : platform) {
            if (p.port() == port && p.host().equals(host)) {
                throw new Refused(host + ":" + port + " is one of the platform's own services");
            }
        }
        List<InetAddress> addresses = Cidr.literal(host).map(List::of).orElse(null);
        if (addresses == null) {
            addresses = resolver.resolve(host);
        }
        for (InetAddress a : addresses) {
            if (isPlatform(a, port)) {
                throw new Refused(host + ":" + port + " (" + a.getHostAddress() + ") is one of the platform's own services");
            }
        }
        if (allowedNames.contains(host)) {
            return addresses;
        }
        for (InetAddress a : addresses) {
            AddressClass kind = AddressClass.of(a);
            if (kind != AddressClass.PUBLIC && allowedBlocks.stream().noneMatch(b -> b.contains(a))) {
                throw new Refused(host + (Cidr.literal(host).isPresent() ? "" : " resolves to " + a.getHostAddress() + ", which")
                        + " is a " + kind.label() + " address: webhooks reach it only when alert.webhook.allowed-hosts allows it");
            }
        }
        return addresses;
    }

    private boolean isPlatform(InetAddress target, int port) {
        for (HostPort p : platform) {
            if (p.port() != port) {
                continue;
            }
            List<InetAddress> service;
            try {
                service = Cidr.literal(p.host()).map(List::of).orElse(null);
                if (service == null) {
                    service = resolver.resolve(p.host());
                }
            } catch (UnknownHostException e) {
                continue; // a service not known by that name here is not reachable through it either
            }
            boolean onThisHost = service.stream().anyMatch(TargetPolicy::thisHost);
            if (onThisHost ? thisHost(target) || localAddresses.contains(key(target))
                    : service.stream().anyMatch(s -> key(s).equals(key(target)))) {
                return true;
            }
        }
        return false;
    }

    /** Loopback or unspecified (0.0.0.0 and :: reach the local host), IPv4-mapped forms included. */
    private static boolean thisHost(InetAddress a) {
        AddressClass kind = AddressClass.of(a);
        return kind == AddressClass.LOOPBACK || kind == AddressClass.UNSPECIFIED;
    }

    private static String key(InetAddress a) {
        return Arrays.toString(Cidr.normalised(a.getAddress()));
    }

    static String normalisedHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
