package org.tributary.server;

import org.junit.jupiter.api.Test;
import org.tributary.session.TrafficMeter;
import org.tributary.source.MediaSource;
import org.tributary.source.SourceReader;
import org.tributary.source.SourceTrack;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandwidthLimitTest {

    private static MediaSource source(long... kbps) {
        List<SourceTrack> tracks = new java.util.ArrayList<>();
        for (int i = 0; i < kbps.length; i++) {
            tracks.add(new SourceTrack(i, "video", 96, 90000, "H264", kbps[i], List.of()));
        }
        return new MediaSource() {
            public String name() {
                return "clip.mp4";
            }

            public List<SourceTrack> tracks() {
                return tracks;
            }

            public double durationSeconds() {
                return 10;
            }

            public boolean seekable() {
                return true;
            }

            public SourceReader openReader() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void noLimitAdmitsEverything() {
        assertNull(new BandwidthLimit(new TrafficMeter(), 0).refusal(source(100_000)));
    }

    @Test
    void aStreamThatWouldPassTheLimitIsRefusedWithTheNumbers() {
        BandwidthLimit limit = new BandwidthLimit(new TrafficMeter(), 500);
        assertNull(limit.refusal(source(300, 64)), "364 of 500 kbit/s");
        String why = limit.refusal(source(400, 128));
        assertNotNull(why);
        assertTrue(why.contains("528 kbit/s") && why.contains("limit is 500"), why);
        limit.maxKbps(1000);
        assertNull(limit.refusal(source(400, 128)), "raised live");
    }

    @Test
    void anUnknownRateIsRefusedOnlyOnceTheLimitIsReached() {
        assertNull(new BandwidthLimit(new TrafficMeter(), 1).refusal(source(0)));
    }

    @Test
    void aStreamGivenByNameAndRateIsJudgedTheSameWay() {
        BandwidthLimit limit = new BandwidthLimit(new TrafficMeter(), 100);
        String why = limit.refusal("radio/show.mp3", 128);
        assertNotNull(why);
        assertTrue(why.contains("radio/show.mp3 needs 128 kbit/s") && why.contains("limit is 100"), why);
        assertNull(limit.refusal("radio/show.mp3", 96));
    }

    @Test
    void httpBodyBytesCountInTheRateTheLimitReads() {
        TrafficMeter meter = new TrafficMeter();
        BandwidthLimit limit = new BandwidthLimit(meter, 100);
        long start = System.nanoTime();
        meter.sample(start);
        meter.sentOverHttp(25_000); // 200 kbit in a second
        meter.sample(start + 1_000_000_000L);
        assertEquals(200_000, meter.bitsPerSecond());
        assertEquals(25_000, meter.bytesSent());
        assertEquals(0, meter.packetsSent(), "HTTP bodies are not RTP packets");
        assertTrue(limit.refusal("any.mp3", 0).contains("200 kbit/s going out"));
    }
}
