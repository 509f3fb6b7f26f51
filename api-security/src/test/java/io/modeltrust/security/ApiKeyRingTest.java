package io.modeltrust.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyRingTest {

    private static final String WRITE_KEY = "w-Xq3v9sT2bLkP0aZ1yR7uE4iO6pA8sD";
    private static final String READ_KEY = "r-Mn5bV7cX9zL2kJ4hG6fD8sA0qW1eR3t";

    static String entry(String name, String role, String key) {
        return name + ":" + role + ":" + ApiKeyRing.sha256Hex(key);
    }

    private static final ApiKeyRing RING = ApiKeyRing.parse(List.of(entry("ci", "write", WRITE_KEY), entry("grafana", "read", READ_KEY)));

    @Test
    void aPresentedKeyIsMatchedByItsHash() {
        assertEquals(Optional.of(new ApiPrincipal("ci", Role.WRITE)), RING.authenticate(WRITE_KEY));
        assertEquals(Optional.of(new ApiPrincipal("grafana", Role.READ)), RING.authenticate(READ_KEY));
    }

    @Test
    void unknownEmptyOrAlmostRightKeysMatchNothing() {
        assertEquals(Optional.empty(), RING.authenticate("nope"));
        assertEquals(Optional.empty(), RING.authenticate(""));
        assertEquals(Optional.empty(), RING.authenticate(null));
        assertEquals(Optional.empty(), RING.authenticate(WRITE_KEY + " "));
        assertEquals(Optional.empty(), RING.authenticate(WRITE_KEY.substring(1)));
        // The hash itself is not a key: whoever reads the configuration cannot use it.
        assertEquals(Optional.empty(), RING.authenticate(ApiKeyRing.sha256Hex(WRITE_KEY)));
    }

    @Test
    void sha256HexIsTheKnownDigest() {
        // echo -n abc | sha256sum
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeyRing.sha256Hex("abc"));
    }

    @Test
    void upperCaseHexBlanksAndSpacesAreAccepted() {
        ApiKeyRing ring = ApiKeyRing.parse(Arrays.asList(" ci : write : " + ApiKeyRing.sha256Hex(WRITE_KEY).toUpperCase() + " ", "", "  ", null));
        assertEquals(List.of(new ApiPrincipal("ci", Role.WRITE)), ring.principals());
        assertTrue(ring.authenticate(WRITE_KEY).isPresent());
    }

    @Test
    void noEntriesMeansOff() {
        assertFalse(ApiKeyRing.parse(List.of()).enabled());
        assertFalse(ApiKeyRing.parse(List.of("", " ")).enabled());
        assertFalse(ApiKeyRing.empty().enabled());
        assertTrue(RING.enabled());
    }

    @Test
    void badEntriesAreNamedByPositionWithoutEchoingHashesOrKeys() {
        String goodHash = ApiKeyRing.sha256Hex(WRITE_KEY);
        String otherHash = ApiKeyRing.sha256Hex(READ_KEY);
        List<List<String>> bad = List.of(
                List.of("ci:write:" + goodHash, WRITE_KEY), // a bare key pasted in
                List.of("ci:write:" + goodHash, "ops:admin:" + otherHash),
                List.of("ci:write:" + goodHash, "ops:read:" + READ_KEY), // the key where its hash belongs
                List.of("ci:write:" + goodHash, "ops:read:" + otherHash.substring(1)),
                List.of("ci:write:" + goodHash, "ci:read:" + otherHash),
                List.of("ci:write:" + goodHash, "ops:read:" + goodHash),
                List.of("ci:write:" + goodHash, "o ps:read:" + otherHash),
                List.of("ci:write:" + goodHash, "ops:read:" + otherHash + ":x"));
        for (List<String> entries : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiKeyRing.parse(entries), entries::toString);
            String message = e.getMessage();
            assertTrue(message.contains("entry 2"), message);
            assertTrue(message.contains("API_KEYS"), message);
            for (String secret : List.of(goodHash, otherHash, otherHash.substring(1), WRITE_KEY, READ_KEY)) {
                assertFalse(message.contains(secret), "the message echoes key material: " + message);
            }
        }
    }

    @Test
    void theMessageSaysWhatIsWrong() {
        String hash = ApiKeyRing.sha256Hex(READ_KEY);
        assertTrue(message("ops:admin:" + hash).contains("'ops' has a role other than read or write"));
        assertTrue(message("ops:read:" + READ_KEY).contains("SHA-256 as 64 hex digits"));
        assertTrue(message(READ_KEY).contains("is not NAME:ROLE:SHA256HEX"));
    }

    private static String message(String entry) {
        return assertThrows(IllegalArgumentException.class, () -> ApiKeyRing.parse(List.of(entry))).getMessage();
    }

    @Test
    void toStringShowsNamesAndRolesOnly() {
        assertEquals("[ci (write), grafana (read)]", RING.toString());
    }
}
