package io.modeltrust.alert.notify;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * What an IP address reaches, for webhook targets: everything but {@link #PUBLIC} is refused unless
 * alert.webhook.allowed-hosts allows it. IPv6 forms that carry an IPv4 address (IPv4-mapped
 * ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by it.
 */
public enum AddressClass {
    PUBLIC("public"),
    LOOPBACK("loopback"),
    LINK_LOCAL("link-local"),
    PRIVATE("private"),
    UNSPECIFIED("unspecified"),
    MULTICAST("multicast"),
    RESERVED("reserved");

    private final String label;

    AddressClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AddressClass of(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? ipv4(b) : ipv6(b);
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), else null. */
    static byte[] embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return null;
        }
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (zero(b, 0, 12) && !zero(b, 12, 15)) { // ::a.b.c.d, not :: or ::1
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static AddressClass ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return UNSPECIFIED; // 0.0.0.0/8, "this network": 0.0.0.0 reaches the local host
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL; // 169.254.169.254 is the cloud metadata service
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)
                || (a0 == 100 && a1 >= 64 && a1 <= 127)) { // 100.64.0.0/10: carrier-grade NAT, also internal
            return PRIVATE;
        }
        if (a0 >= 224 && a0 <= 239) {
            return MULTICAST;
        }
        if (a0 >= 240) {
            return RESERVED; // 240.0.0.0/4 and the broadcast address
        }
        return PUBLIC;
    }

    private static AddressClass ipv6(byte[] b) {
        byte[] v4 = embeddedIpv4(b);
        if (v4 != null) {
            return ipv4(v4);
        }
        if (zero(b, 0, 16)) {
            return UNSPECIFIED;
        }
        if (zero(b, 0, 15) && b[15] == 1) {
            return LOOPBACK;
        }
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0xfe && (a1 & 0xc0) == 0x80) {
            return LINK_LOCAL; // fe80::/10
        }
        if (a0 == 0xfe && (a1 & 0xc0) == 0xc0) {
            return PRIVATE; // fec0::/10, the deprecated site-local range
        }
        if ((a0 & 0xfe) == 0xfc) {
            return PRIVATE; // fc00::/7, unique local
        }
        if (a0 == 0xff) {
            return MULTICAST;
        }
        return PUBLIC;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
