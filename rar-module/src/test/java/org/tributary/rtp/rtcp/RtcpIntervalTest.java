package org.tributary.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RtcpIntervalTest {
    @Test
    void smallSessionUsesMinimum() {
        assertEquals(5.0, RtcpInterval.deterministicSeconds(2, 1, 1000, true, 100, false));
        assertEquals(2.5, RtcpInterval.deterministicSeconds(2, 1, 1000, true, 100, true));
    }

    @Test
    void sendersAndReceiversShareTheirFractions() {
        // 1 sender among 1000 members: the sender gets 25% of 10000 octets/s to itself
        assertEquals(5.0, RtcpInterval.deterministicSeconds(1000, 1, 10000, true, 100, false));
        // the receivers share 75%: 100 * 999 / 7500
        assertEquals(13.32, RtcpInterval.deterministicSeconds(1000, 1, 10000, false, 100, false), 1e-9);
        // more than a quarter are senders: every member shares the whole bandwidth, 100 * 100 / 100
        assertEquals(100.0, RtcpInterval.deterministicSeconds(100, 50, 100, true, 100, false), 1e-9);
    }

    @Test
    void randomizedBetweenHalfAndOneAndAHalfTimesCompensated() {
        Random random = new Random(7);
        double low = 5.0 * 0.5 / RtcpInterval.COMPENSATION;
        double high = 5.0 * 1.5 / RtcpInterval.COMPENSATION;
        for (int i = 0; i < 10_000; i++) {
            double t = RtcpInterval.intervalSeconds(2, 1, 1000, true, 100, false, random);
            assertTrue(t >= low && t < high, "interval " + t);
        }
    }

    @Test
    void averageSizeMovesBySixteenth() {
        assertEquals(110.0, RtcpInterval.updateAverageSize(100, 260), 1e-9);
    }
}
