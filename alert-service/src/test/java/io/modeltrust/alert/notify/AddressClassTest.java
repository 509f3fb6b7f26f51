package io.modeltrust.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassTest {

    @ParameterizedTest
    @CsvSource({
            "8.8.8.8, PUBLIC", "1.1.1.1, PUBLIC", "172.15.255.255, PUBLIC", "172.32.0.1, PUBLIC", "192.169.0.1, PUBLIC",
            "100.63.255.255, PUBLIC", "223.255.255.255, PUBLIC",
            "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK",
            "169.254.169.254, LINK_LOCAL", "169.254.0.1, LINK_LOCAL",
            "10.0.0.1, PRIVATE", "10.255.255.255, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE", "100.64.0.1, PRIVATE",
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST",
            "240.0.0.1, RESERVED", "255.255.255.255, RESERVED"})
    void ipv4(String address, AddressClass expected) throws UnknownHostException {
        assertEquals(expected, AddressClass.of(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @CsvSource({
            "2001:4860:4860::8888, PUBLIC", "2606:4700::1111, PUBLIC",
            "::1, LOOPBACK", ":: , UNSPECIFIED", "0:0:0:0:0:0:0:0, UNSPECIFIED",
            "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL",
            "fc00::1, PRIVATE", "fd12:3456::1, PRIVATE", "fec0::1, PRIVATE",
            "ff02::1, MULTICAST", "ff05::2, MULTICAST",
            "fbff::1, PUBLIC", "fe00::1, PUBLIC"})
    void ipv6(String address, AddressClass expected) throws UnknownHostException {
        assertEquals(expected, AddressClass.of(InetAddress.getByName(address.trim())));
    }

    /** Java turns textual ::ffff:a.b.c.d into an Inet4Address; raw bytes can still arrive as IPv6, so both are judged by the IPv4 part. */
    @ParameterizedTest
    @CsvSource({
            "::ffff:127.0.0.1, LOOPBACK", "::ffff:169.254.169.254, LINK_LOCAL", "::ffff:10.1.2.3, PRIVATE",
            "::ffff:8.8.8.8, PUBLIC", "::127.0.0.1, LOOPBACK", "::10.0.0.1, PRIVATE",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL", "64:ff9b::808:808, PUBLIC", "2002:7f00:1::, LOOPBACK", "2002:0808:0808::1, PUBLIC"})
    void ipv6CarryingIpv4(String address, AddressClass expected) throws UnknownHostException {
        assertEquals(expected, AddressClass.of(InetAddress.getByName(address)));
        assertEquals(expected, AddressClass.of(InetAddress.getByAddress(ipv6Bytes(address))), "as 16 bytes");
    }

    @Test
    void mappedBytesStayIpv6InJavaButAreJudgedAsIpv4() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        assertEquals(AddressClass.LINK_LOCAL, AddressClass.of(java.net.Inet6Address.getByAddress(null, mapped, -1)));
    }

    private static byte[] ipv6Bytes(String address) throws UnknownHostException {
        byte[] b = InetAddress.getByName(address).getAddress();
        if (b.length == 16) {
            return b;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(b, 0, mapped, 12, 4);
        return mapped;
    }
}
