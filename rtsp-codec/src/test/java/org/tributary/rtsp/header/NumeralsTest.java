package org.tributary.rtsp.header;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumeralsTest {

    @Test
    void threeDecimalsMatchesTheFormatter() {
        double[] values = {0, 0.0005, 0.0004, 1.0005, 2.5, 10, 59.9995, 3599.9999, 12.3456, 1e9 + 0.25, 0.1 + 0.2};
        for (double v : values) {
            assertEquals(String.format(Locale.ROOT, "%.3f", v), Numerals.threeDecimals(v), Double.toString(v));
        }
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double v = random.nextDouble() * 10_000;
            assertEquals(String.format(Locale.ROOT, "%.3f", v), Numerals.threeDecimals(v), Double.toString(v));
        }
    }

    @Test
    void hex8MatchesTheFormatter() {
        long[] values = {0, 1, 0xABCD, 0x7FFFFFFFL, 0xFFFFFFFFL, 0x123456789L, -1};
        for (long v : values) {
            assertEquals(String.format("%08X", v), Numerals.hex8(v), Long.toString(v));
        }
    }
}
