package io.modeltrust.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true", "10.0.0.0/8, 11.0.0.1, false",
            "172.16.0.0/12, 172.31.255.255, true", "172.16.0.0/12, 172.32.0.0, false",
            "192.168.1.128/25, 192.168.1.200, true", "192.168.1.128/25, 192.168.1.127, false",
            "127.0.0.1, 127.0.0.1, true", "127.0.0.1, 127.0.0.2, false", "0.0.0.0/0, 8.8.8.8, true",
            "127.0.0.1/32, ::ffff:127.0.0.1, true",
            "fc00::/7, fdff::1, true", "fc00::/7, fe00::1, false", "fe80::/10, febf:ffff::1, true",
            "fe80::/10, fec0::1, false", "::1, ::1, true", "::1/128, ::2, false", "2001:db8::/32, 2001:db8:ffff::1, true",
            "10.0.0.0/8, fc00::1, false", "fc00::/7, 10.0.0.1, false"})
    void contains(String block, String address, boolean expected) throws UnknownHostException {
        assertEquals(expected, Cidr.parse(block).contains(InetAddress.getByName(address)), block + " ∋ " + address);
    }

    @Test
    void aMappedBlockIsTheIpv4Block() throws UnknownHostException {
        Cidr mapped = Cidr.parse("::ffff:10.0.0.0/104");
        assertEquals("10.0.0.0/8", mapped.toString());
        assertTrue(mapped.contains(InetAddress.getByName("10.200.0.1")));
        assertFalse(mapped.contains(InetAddress.getByName("11.0.0.1")));
        assertTrue(Cidr.parse("[::1]").contains(InetAddress.getByName("::1")));
    }

    @Test
    void literalsAreParsedNamesAreNot() {
        assertTrue(Cidr.literal("10.1.2.3").isPresent());
        assertTrue(Cidr.literal("[fe80::1]").isPresent());
        assertFalse(Cidr.literal("example.com").isPresent());
        assertFalse(Cidr.literal("localhost").isPresent());
        assertFalse(Cidr.literal("10.1.2").isPresent(), "no inet_aton shorthand: it is not an address here");
    }

    @Test
    void badBlocksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/-1"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/x"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("fc00::/129"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.com/8"));
    }
}
