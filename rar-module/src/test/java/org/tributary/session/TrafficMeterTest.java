package org.tributary.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The adapter-wide rate on an injected clock. */
class TrafficMeterTest {

    @Test
    void theRateIsTheBytesSinceTheLastSampleOverTheTimeBetween() {
        TrafficMeter meter = new TrafficMeter(1_000_000_000L);
        meter.sent(1000);
        meter.sentOverHttp(250);
        meter.sample(3_000_000_000L);
        assertEquals(5000, meter.bitsPerSecond(), "1250 bytes in two seconds");
        assertEquals(1, meter.packetsSent());
        meter.sample(4_000_000_000L);
        assertEquals(0, meter.bitsPerSecond());
        assertEquals(1250, meter.bytesSent());
    }

    @Test
    void theSharedNoneMeterCountsNothing() {
        TrafficMeter.NONE.sent(100);
        assertEquals(0, TrafficMeter.NONE.bytesSent());
    }
}
