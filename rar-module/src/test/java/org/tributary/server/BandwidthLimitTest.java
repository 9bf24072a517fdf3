package org.tributary.server;

import org.junit.jupiter.api.Test;
import org.tributary.session.TrafficMeter;
import org.tributary.source.MediaSource;
import org.tributary.source.SourceReader;
import org.tributary.source.SourceTrack;

import java.util.List;

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
}
