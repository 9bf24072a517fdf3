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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session state, timeouts and RTP continuity across PLAY, PAUSE and seeks, on injected clocks. */
class RtspSessionTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final SessionRegistry registry = new SessionRegistry(60, 10, nanos::get, Clock.fixed(CREATED, ZoneOffset.UTC));
    private final CapturingChannel channel = new CapturingChannel();
    private final ScriptedSource source = new ScriptedSource(50);
    private final List<Playback> scheduled = new ArrayList<>();
    private final RtspSession session;

    RtspSessionTest() throws Exception {
        session = registry.create("scripted.mp4", source, new InetSocketAddress("10.0.0.1", 5000), "test", null,
                new Object());
        session.setUp(new TrackOutput(0, 90000, channel, "c"));
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void aSilentSessionExpiresAfterItsTimeoutAndAnyRequestKeepsItAlive() {
        advanceMillis(59_000);
        session.touch();
        advanceMillis(59_000);
        registry.reapExpired();
        assertEquals(1, registry.size(), "touched 59 s ago");
        advanceMillis(2_000);
        registry.reapExpired();
        assertEquals(0, registry.size());
        assertEquals("timeout", session.endReason());
        assertEquals(CREATED, session.endedAt());
    }

    @Test
    void pauseRemembersThePositionAndResumeContinuesTheNumbering() throws Exception {
        RtspSession.PlayStart first = session.play(null, null, Overbuffer.NONE);
        session.startStreaming(scheduled::add);
        assertEquals(0.0, first.startSeconds());
        assertEquals(2.0, first.endSeconds(), 1e-9);
        scheduled.get(0).pump(nanos.get() + 100_000_000L); // units 0, 1, 2 (0, 40, 80 ms)
        assertEquals(0.12, session.pause(), 1e-9, "the next unit to send");
        assertEquals(SessionState.READY, session.state());
        advanceMillis(1000);
        RtspSession.PlayStart resumed = session.play(null, null, Overbuffer.NONE);
        assertEquals(0.12, resumed.startSeconds(), 1e-9);
        assertEquals((first.tracks().get(0).sequence() + 3) & 0xFFFF, resumed.tracks().get(0).sequence());
        assertEquals(1, source.readersOpened, "a resumed session keeps its reader");
        session.startStreaming(scheduled::add);
        scheduled.get(1).pump(nanos.get());
        RtpHeader afterResume = RtpHeader.parse(channel.rtp.get(3));
        assertEquals(resumed.tracks().get(0).rtpTime(), afterResume.timestamp(), "the RTP-Info rtptime");
        assertEquals((first.tracks().get(0).rtpTime() + 90_000L) & 0xFFFFFFFFL, afterResume.timestamp(),
                "the wire clock went on with wall time: one second after the first PLAY");
        assertEquals(0.0, session.secondsToFirstPlay(), 1e-9, "the first PLAY came at creation");
    }

    @Test
    void aPlayWhilePlayingWithoutRangeOnlyKeepsTheSessionAlive() throws Exception {
        RtspSession.PlayStart first = session.play(null, null, Overbuffer.NONE);
        assertSame(first, session.play(null, null, Overbuffer.NONE));
        RtspSession.PlayStart seek = session.play(1.0, null, Overbuffer.NONE);
        assertEquals(1.0, seek.startSeconds(), 1e-9);
    }

    @Test
    void aSetupWhilePlayingIsRefusedAndARepeatedSetupReplacesTheTransport() throws Exception {
        CapturingChannel second = new CapturingChannel();
        session.setUp(new TrackOutput(0, 90000, second, "c"));
        assertTrue(channel.closed, "the first transport of the track is released");
        session.play(null, null, Overbuffer.NONE);
        assertThrows(IllegalStateException.class, () -> session.setUp(new TrackOutput(0, 90000, channel, "c")));
    }

    @Test
    void closingAPlayingSessionSaysByeClosesItsReaderAndChannelsOnce() throws Exception {
        session.play(null, null, Overbuffer.NONE);
        List<RtspSession> ended = new ArrayList<>();
        registry.onSessionEnded(ended::add);
        session.close("teardown");
        session.close("teardown");
        assertEquals(1, channel.rtcp.size(), "one BYE");
        assertTrue(channel.closed);
        assertEquals(1, source.readersClosed);
        assertEquals(List.of(session), ended);
        assertNull(registry.get(session.id()));
    }

    @Test
    void theRateIsSampledFromTheBytesSentOnTheInjectedClock() throws Exception {
        session.play(null, null, Overbuffer.NONE);
        session.startStreaming(scheduled::add);
        scheduled.get(0).pump(nanos.get()); // one unit of one byte
        advanceMillis(1000);
        registry.sampleRates();
        assertEquals(8, session.bitsPerSecond());
    }
}
