package org.tributary.session;

import org.junit.jupiter.api.Test;
import org.tributary.engine.Playback;
import org.tributary.rtp.RtpHeader;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instant-on on an injected clock: early send times, true RTP timestamps, no timestamp going back on a seek. */
class SessionPlayerOverbufferTest {

    /** 200 ms of media (five 40 ms units) at four times real time: a unit every 10 ms, then every 40 ms. */
    private static final Overbuffer BURST = new Overbuffer(200_000, 4);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final SessionRegistry registry = new SessionRegistry(60, 10, nanos::get,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final CapturingChannel channel = new CapturingChannel();
    private final List<Playback> scheduled = new ArrayList<>();

    private RtspSession session() throws Exception {
        RtspSession session = registry.create("scripted.mp4", new ScriptedSource(100),
                new InetSocketAddress("10.0.0.1", 5000), "test", null, new Object());
        session.setUp(new TrackOutput(0, 90000, channel, "c"));
        return session;
    }

    private long timestamp(int packet) {
        return RtpHeader.parse(channel.rtp.get(packet)).timestamp();
    }

    @Test
    void theFirstUnitsLeaveFasterWithTheirOwnTimestampsThenInRealTime() throws Exception {
        RtspSession session = session();
        session.play(0.0, null, BURST);
        session.startStreaming(scheduled::add);
        Playback player = scheduled.get(0);
        long start = nanos.get();
        assertEquals(start + 10_000_000L, player.pump(start), "the second unit is due after 10 ms, not 40");
        player.pump(start + 50_000_000L);
        assertEquals(6, channel.rtp.size(), "units 0..5 (media 0..200 ms) by 50 ms");
        long next = player.pump(start + 50_000_000L);
        assertEquals(start + 90_000_000L, next, "unit 6 (240 ms of media) 40 ms after unit 5: real time, 150 ms ahead");
        for (int i = 1; i < channel.rtp.size(); i++) {
            assertEquals(ScriptedSource.UNIT_TICKS, (timestamp(i) - timestamp(i - 1)) & 0xFFFFFFFFL,
                    "timestamps keep the media's spacing");
        }
    }

    @Test
    void aSeekAfterARunThatWasAheadNeverMovesTheWireTimestampBack() throws Exception {
        RtspSession session = session();
        session.play(0.0, null, BURST);
        session.startStreaming(scheduled::add);
        long start = nanos.get();
        scheduled.get(0).pump(start + 50_000_000L); // 200 ms of media sent after 50 ms
        long lastSent = timestamp(channel.rtp.size() - 1);
        nanos.set(start + 60_000_000L);
        RtspSession.PlayStart seek = session.play(2.0, null, BURST);
        long rtpTime = seek.tracks().get(0).rtpTime();
        long forward = (rtpTime - lastSent) & 0xFFFFFFFFL;
        assertTrue(forward < 0x8000_0000L, "rtptime " + rtpTime + " not before " + lastSent);
        assertEquals(ScriptedSource.UNIT_TICKS * 5, (rtpTime - timestamp(0)) & 0xFFFFFFFFL,
                "the new run starts where the last one's media had got to on the wire (200 ms), not at 60 ms");
    }
}
