package io.modeltrust.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void githubStyleHmacSha256() {
        // Reference: python3 -c "import hmac,hashlib;print(hmac.new(b'It\'s a Secret to Everybody',b'Hello, World!',hashlib.sha256).hexdigest())"
        assertEquals("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                WebhookSigner.sign("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)));
    }
}
