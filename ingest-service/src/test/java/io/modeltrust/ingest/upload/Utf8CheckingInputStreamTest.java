package io.modeltrust.ingest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The checker accepts exactly what the JDK's strict UTF-8 decoder accepts, however the reads are cut. */
class Utf8CheckingInputStreamTest {

    @Test
    void agreesWithTheStrictDecoderOnRandomBytes() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(1, 12)];
            for (int j = 0; j < bytes.length; j++) {
                // mostly lead and continuation bytes, where the interesting cases are
                bytes[j] = (byte) (random.nextInt(4) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
            }
            boolean valid = strictlyValid(bytes);
            rejected += valid ? 0 : 1;
            assertEquals(valid, passes(bytes, random), () -> "disagrees on " + hex(bytes));
        }
        assertEquals(true, rejected > 1000 && rejected < 20_000, "the sample holds both kinds: " + rejected);
    }

    @Test
    void knownSequences() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        assertEquals(true, passes("plain ASCII, é, € and 🙂".getBytes(StandardCharsets.UTF_8), random));
        for (int[] bad : new int[][]{{0xC0, 0x80}, {0xE0, 0x80, 0x80}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80},
                {0xF5, 0x80, 0x80, 0x80}, {0xFF}, {0x80}, {'a', 0xE2, 0x82}}) {
            byte[] b = new byte[bad.length];
            for (int i = 0; i < bad.length; i++) {
                b[i] = (byte) bad[i];
            }
            assertEquals(false, passes(b, random), hex(b));
        }
        InputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(new byte[]{'a', (byte) 0xC3}));
        assertEquals('a', in.read());
        assertEquals(0xC3, in.read());
        assertThrows(MalformedInputException.class, in::read);
    }

    private static boolean passes(byte[] bytes, SplittableRandom random) throws IOException {
        try (InputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(bytes))) {
            byte[] buf = new byte[8];
            while (true) {
                int n = random.nextInt(3) == 0 ? (in.read() < 0 ? -1 : 1) : in.read(buf, 0, random.nextInt(1, 9));
                if (n < 0) {
                    return true;
                }
            }
        } catch (MalformedInputException e) {
            return false;
        }
    }

    private static boolean strictlyValid(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X ", x & 0xFF));
        }
        return sb.toString().trim();
    }
}
