package io.modeltrust.ingest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumberParserTest {

    @Test
    void agreesBitForBitWithDoubleParseDouble() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble() * 1e6;
                case 1 -> Math.round(random.nextDouble() * 1e6) / 100.0;
                case 2 -> (random.nextLong() % 1_000_000_000L) / 1e3;
                default -> random.nextGaussian() * Math.pow(10, random.nextInt(-30, 30));
            };
            String text = Double.toString(v);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(NumberParser.parse(text)), text);
        }
        for (String text : new String[]{"0", "-0", "1.", ".5", "+7", "0.1", "123456789012345", "1234567890123456789",
                "0.000000000000000000001", "1e5", "1E-5", "-2.5e+3", "9007199254740993", "00012.50"}) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(NumberParser.parse(text)), text);
        }
    }

    @Test
    void rejectsWhatIsNotAPlainFiniteDecimal() {
        for (String text : new String[]{"abc", "1,5", "0x10", "1d", "1f", " 1", "Infinity", "-inf", "1e999", "1e", "--1",
                ".", "1.2.3", "1e5.5"}) {
            assertEquals(NumberParser.INVALID, NumberParser.parse(text), text);
        }
        assertTrue(Double.isNaN(NumberParser.parse("NaN")));
    }
}
