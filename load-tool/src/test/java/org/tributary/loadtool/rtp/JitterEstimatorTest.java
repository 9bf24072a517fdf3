package org.tributary.loadtool.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JitterEstimatorTest {
    private static final long MS = 1_000_000L;

    @Test
    void followsRfc3550FormulaOnCraftedArrivals() {
        // 8 kHz audio, one packet every 20 ms (160 timestamp units).
        JitterEstimator j = new JitterEstimator(8000);
        j.onPacket(0, 0);            // primes only
        assertEquals(0.0, j.jitterUnits(), 1e-9);
        j.onPacket(20 * MS, 160);    // on time: D = 0
        assertEquals(0.0, j.jitterUnits(), 1e-9);
        j.onPacket(50 * MS, 320);    // 10 ms late: D = 400 - 160 - 160 = 80 units -> J = 80/16
        assertEquals(5.0, j.jitterUnits(), 1e-9);
        j.onPacket(60 * MS, 480);    // 10 ms early relative to the last: |D| = 80 -> J = 5 + (80 - 5)/16
        assertEquals(9.6875, j.jitterUnits(), 1e-9);
        assertEquals(9.6875 / 8.0, j.jitterMillis(), 1e-9);
        assertEquals((0.0 + 5.0 + 9.6875) / 3 / 8.0, j.meanJitterMillis(), 1e-9);
        assertEquals(9.6875 / 8.0, j.maxJitterMillis(), 1e-9);
    }

    @Test
    void convergesToConstantTransitDifference() {
        // 90 kHz video, timestamps 2 ms apart, every odd packet 1 ms late: |D| = 1 ms = 90 units always.
        JitterEstimator j = new JitterEstimator(90000);
        for (int i = 0; i < 1000; i++) {
            j.onPacket(i * 2 * MS + (i % 2) * MS, i * 180L);
        }
        assertEquals(90.0, j.jitterUnits(), 1e-6);
        assertEquals(1.0, j.jitterMillis(), 1e-8);
    }

    @Test
    void steadyStreamAcrossTimestampWrapHasNoJitter() {
        JitterEstimator j = new JitterEstimator(90000);
        long ts = 0xFFFFFFFFL - 3000;
        for (int i = 0; i < 100; i++) {
            j.onPacket(1_000_000_000L + i * 10 * MS, (ts + i * 900L) & 0xFFFFFFFFL);
        }
        assertEquals(0.0, j.jitterUnits(), 1e-6);
    }
}
