package io.modeltrust.alert.notify;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhook URLs pass, with a resolver that answers from a table instead of DNS. */
class TargetPolicyTest {

    private final Map<String, List<InetAddress>> dns = new HashMap<>();
    private final TargetPolicy.Resolver resolver = host -> {
        List<InetAddress> a = dns.get(host);
        if (a == null) {
            throw new UnknownHostException(host);
        }
        return a;
    };

    private static InetAddress ip(String literal) {
        return Cidr.literal(literal).orElseThrow();
    }

    private TargetPolicy policy(List<String> allowed, String... platform) {
        List<TargetPolicy.HostPort> services = new ArrayList<>();
        for (String p : platform) {
            services.add(TargetPolicy.HostPort.parse(p));
        }
        return new TargetPolicy(allowed, services, List.of(ip("10.9.9.9")), resolver);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/x", "http://127.1.2.3:9000/", "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/", "http://172.16.5.5/", "http://192.168.0.10:8080/", "http://0.0.0.0:80/", "http://[::]/",
            "http://[::1]/", "http://[fe80::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:169.254.169.254]/", "http://224.0.0.1/", "http://[ff02::1]/", "https://255.255.255.255/"})
    void nonPublicAddressesAreRefusedByDefault(String url) {
        TargetPolicy.Refused e = assertThrows(TargetPolicy.Refused.class, () -> policy(List.of()).check(URI.create(url)));
        assertTrue(e.getMessage().contains("alert.webhook.allowed-hosts"), e.getMessage());
    }

    @Test
    void publicAddressesAndNamesPass() throws Exception {
        dns.put("hooks.example.com", List.of(ip("93.184.216.34"), ip("2606:2800:220:1::1")));
        assertEquals(2, policy(List.of()).check(URI.create("https://hooks.example.com/x?token=1")).size());
        assertDoesNotThrow(() -> policy(List.of()).check(URI.create("http://8.8.8.8:8081/")));
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        dns.put("rebind.example.com", List.of(ip("93.184.216.34"), ip("169.254.169.254")));
        TargetPolicy.Refused e = assertThrows(TargetPolicy.Refused.class,
                () -> policy(List.of()).check(URI.create("http://rebind.example.com/")));
        assertEquals("rebind.example.com resolves to 169.254.169.254, which is a link-local address: webhooks reach it "
                + "only when alert.webhook.allowed-hosts allows it", e.getMessage());
        dns.put("localhost", List.of(ip("127.0.0.1"), ip("::1")));
        assertThrows(TargetPolicy.Refused.class, () -> policy(List.of()).check(URI.create("http://localhost:9999/")));
    }

    @Test
    void theAllowedListAdmitsNamesAddressesAndBlocks() throws Exception {
        dns.put("hooks.internal", List.of(ip("10.1.1.1")));
        dns.put("other.internal", List.of(ip("10.1.1.2")));
        TargetPolicy p = policy(List.of("127.0.0.1", "Hooks.Internal.", "192.168.0.0/16", "fd00::/8"));
        assertDoesNotThrow(() -> p.check(URI.create("http://127.0.0.1:9000/")));
        assertDoesNotThrow(() -> p.check(URI.create("http://[::ffff:127.0.0.1]:9000/")), "the mapped form of an allowed address");
        assertDoesNotThrow(() -> p.check(URI.create("http://hooks.internal/")));
        assertDoesNotThrow(() -> p.check(URI.create("http://192.168.44.1/")));
        assertDoesNotThrow(() -> p.check(URI.create("http://[fd12::1]/")));
        assertThrows(TargetPolicy.Refused.class, () -> p.check(URI.create("http://127.0.0.2:9000/")));
        assertThrows(TargetPolicy.Refused.class, () -> p.check(URI.create("http://other.internal/")));
        assertThrows(TargetPolicy.Refused.class, () -> p.check(URI.create("http://[fc00::1]/")));
        assertThrows(TargetPolicy.Refused.class, () -> p.check(URI.create("http://169.254.169.254/")));
    }

    @Test
    void thePlatformsOwnServicesAreRefusedEvenWhenAllowed() throws Exception {
        dns.put("localhost", List.of(ip("127.0.0.1"), ip("::1")));
        dns.put("ingest-service", List.of(ip("172.20.0.5")));
        TargetPolicy p = policy(List.of("127.0.0.1", "::1", "10.0.0.0/8", "172.16.0.0/12", "ingest-service"),
                "localhost:8085", "ingest-service:8081", "10.1.1.1:8082");
        for (String url : List.of("http://127.0.0.1:8085/api", "http://localhost:8085/", "http://[::1]:8085/",
                "http://0.0.0.0:8085/", "http://127.0.0.7:8085/", "http://[::ffff:127.0.0.1]:8085/",
                "http://10.9.9.9:8085/", "http://ingest-service:8081/", "http://172.20.0.5:8081/", "http://10.1.1.1:8082/")) {
            TargetPolicy.Refused e = assertThrows(TargetPolicy.Refused.class, () -> p.check(URI.create(url)), url);
            assertTrue(e.getMessage().contains("platform's own services"), e.getMessage());
        }
        assertDoesNotThrow(() -> p.check(URI.create("http://127.0.0.1:8086/")));
        assertDoesNotThrow(() -> p.check(URI.create("http://172.20.0.5:9000/")));
        assertDoesNotThrow(() -> p.check(URI.create("http://10.1.1.2:8082/")));
        assertDoesNotThrow(() -> p.check(URI.create("http://10.1.1.1:8085/")), "not this host");
    }

    @Test
    void aPlatformServiceOnTheDefaultPortIsRefused() {
        TargetPolicy p = policy(List.of("10.0.0.0/8"), "10.1.1.1:80", "10.1.1.2:443");
        assertThrows(TargetPolicy.Refused.class, () -> p.check(URI.create("http://10.1.1.1/")));
        assertThrows(TargetPolicy.Refused.class, () -> p.check(URI.create("https://10.1.1.2/")));
        assertDoesNotThrow(() -> p.check(URI.create("https://10.1.1.1/")));
    }

    @Test
    void anUnknownNameIsNotRefusedButUnresolved() {
        assertThrows(UnknownHostException.class, () -> policy(List.of()).check(URI.create("http://nowhere.example/")));
    }

    @Test
    void refusalsNeverRepeatTheUrlsCredentials() {
        TargetPolicy.Refused e = assertThrows(TargetPolicy.Refused.class,
                () -> policy(List.of()).check(URI.create("http://user:pa55@10.0.0.1/x?token=abc")));
        assertFalse(e.getMessage().contains("pa55") || e.getMessage().contains("abc"), e.getMessage());
    }

    @Test
    void malformedConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> policy(List.of("10.0.0.0/40")));
        assertThrows(IllegalArgumentException.class, () -> TargetPolicy.HostPort.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> TargetPolicy.HostPort.parse("localhost:99999"));
        assertEquals(new TargetPolicy.HostPort("::1", 8085), TargetPolicy.HostPort.parse("[::1]:8085"));
    }
}
