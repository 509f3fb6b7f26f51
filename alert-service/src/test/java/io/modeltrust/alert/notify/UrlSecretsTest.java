package io.modeltrust.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlSecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://hooks.example.com/x | https://hooks.example.com/x",
            "https://user:pa55@hooks.example.com/x | https://***@hooks.example.com/x",
            "https://only-a-token@hooks.example.com/x | https://***@hooks.example.com/x",
            "https://h/x?token=abc&team=ops | https://h/x?token=***&team=ops",
            "https://h/x?team=ops&key=1&secret=2&password=3&sig=4 | https://h/x?team=ops&key=***&secret=***&password=***&sig=***",
            "https://h/x?api_key=1&access_token=2&X-Amz-Signature=3&apiKey=4 | https://h/x?api_key=***&access_token=***&X-Amz-Signature=***&apiKey=***",
            "https://h/x?monkey=1&keyword=2&tokens=3 | https://h/x?monkey=1&keyword=2&tokens=3",
            "https://u:p@h:8443/x?Token=a#frag | https://***@h:8443/x?Token=***#frag",
            "https://h/x?token= | https://h/x?token=***"})
    void masks(String url, String masked) {
        assertEquals(masked, UrlSecrets.mask(url));
    }

    @Test
    void errorTextLosesTheCredentialsOfEveryUrlInIt() {
        String text = "java.io.IOException: cannot reach http://u:pa55@h/x?sig=s1gn (tried https://h2/y?token=t0k), giving up";
        String scrubbed = UrlSecrets.scrub(text);
        assertEquals("java.io.IOException: cannot reach http://***@h/x?sig=*** (tried https://h2/y?token=***), giving up", scrubbed);
        assertNull(UrlSecrets.scrub(null));
        assertEquals("Connection refused", UrlSecrets.scrub("Connection refused"));
    }

    @Test
    void aMaskedUrlSentBackKeepsTheStoredSecrets() {
        String stored = "https://user:pa55@hooks.example.com/x?token=abc&team=ops&token=def";
        assertEquals(stored, UrlSecrets.unmask(UrlSecrets.mask(stored), stored));
        assertEquals("https://user:pa55@hooks.example.com/other?token=abc&team=dev&token=def",
                UrlSecrets.unmask("https://***@hooks.example.com/other?token=***&team=dev&token=***", stored),
                "the rest of the URL may change");
        assertEquals("https://new:cred@hooks.example.com/x?token=fresh",
                UrlSecrets.unmask("https://new:cred@hooks.example.com/x?token=fresh", stored), "new values replace the old");
        assertEquals("https://h/x?team=***", UrlSecrets.unmask("https://h/x?team=***", stored), "not a secret parameter");
    }

    @Test
    void aMaskWithNothingStoredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UrlSecrets.unmask("https://***@h/x", null));
        assertThrows(IllegalArgumentException.class, () -> UrlSecrets.unmask("https://***@h/x", "https://h/x"));
        assertThrows(IllegalArgumentException.class, () -> UrlSecrets.unmask("https://h/x?token=***", "https://h/x?key=1"));
        assertThrows(IllegalArgumentException.class,
                () -> UrlSecrets.unmask("https://h/x?token=***&token=***", "https://h/x?token=1"));
    }

    @Test
    void userInfoTravelsAsBasicAuthorizationNotInTheRequestLine() {
        URI url = URI.create("https://hook%20user:p%40ss@h:8443/x?token=1");
        assertEquals(URI.create("https://h:8443/x?token=1"), UrlSecrets.withoutUserInfo(url));
        String auth = UrlSecrets.basicAuthorization(url);
        assertTrue(auth.startsWith("Basic "));
        assertEquals("hook user:p@ss", new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8));
        assertNull(UrlSecrets.basicAuthorization(URI.create("https://h/x")));
        assertFalse(UrlSecrets.withoutUserInfo(url).toString().contains("@"));
    }
}
