package org.tributary.session;

import org.junit.jupiter.api.Test;
import org.tributary.engine.Playback;
import org.tributary.rtp.RtpHeader;
import org.tributary.rtp.rtcp.RtcpParser;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pacing of one PLAY on an injected clock: each unit leaves when due, then the end of the presentation. */
class SessionPlayerTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final SessionRegistry registry = new SessionRegistry(60, 10, nanos::get,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final CapturingChannel channel = new CapturingChannel();
    private final List<Playback> scheduled = new ArrayList<>();

    private RtspSession session(ScriptedSource source) throws Exception {
        RtspSession session = registry.create("scripted.mp4", source, new InetSocketAddress("10.0.0.1", 5000),
                "test", null, new Object());
        session.setUp(new TrackOutput(0, 90000, channel, "c"));
        return session;
    }

    private List<Integer> units() {
        return channel.rtp.stream().map(p -> (int) p.get(12)).toList();
    }

    @Test
    void unitsLeaveWhenDueAndNotBefore() throws Exception {
        RtspSession session = session(new ScriptedSource(5));
        session.play(null, null, Overbuffer.NONE);
        session.startStreaming(scheduled::add);
        Playback player = scheduled.get(0);
        long start = nanos.get();
        long next = player.pump(start);
        assertEquals(List.of(0), units(), "unit 0 is due at once");
        assertEquals(start + 40_000_000L, next, "unit 1 is due 40 ms later");
        next = player.pump(start + 39_000_000L);
        assertEquals(List.of(0), units(), "nothing before it is due");
        next = player.pump(start + 85_000_000L); // late: both overdue units go now
        assertEquals(List.of(0, 1, 2), units());
        assertEquals(start + 120_000_000L, next);
    }

    @Test
    void theEndOfThePresentationSaysByeAndLeavesTheSessionReady() throws Exception {
        RtspSession session = session(new ScriptedSource(3));
        session.play(null, null, Overbuffer.NONE);
        session.startStreaming(scheduled::add);
        Playback player = scheduled.get(0);
        assertEquals(Playback.DONE, player.pump(nanos.get() + 1_000_000_000L));
        assertEquals(List.of(0, 1, 2), units());
        assertEquals(SessionState.READY, session.state());
        assertEquals(1, channel.rtcp.size());
        assertEquals(List.of(session.output(0).ssrc()), RtcpParser.parse(channel.rtcp.get(0)).byeSsrcs());
    }

    @Test
    void aRangeEndStopsPlaybackThere() throws Exception {
        RtspSession session = session(new ScriptedSource(10));
        session.play(0.0, 0.1, Overbuffer.NONE); // units at 0, 40 and 80 ms
        session.startStreaming(scheduled::add);
        assertEquals(Playback.DONE, scheduled.get(0).pump(nanos.get() + 1_000_000_000L));
        assertEquals(List.of(0, 1, 2), units());
    }

    @Test
    void aSenderReportGoesOutOnceASecondIntoPlayback() throws Exception {
        RtspSession session = session(new ScriptedSource(100));
        session.play(null, null, Overbuffer.NONE);
        session.startStreaming(scheduled::add);
        Playback player = scheduled.get(0);
        long start = nanos.get();
        for (long t = start; t < start + 990_000_000L; t += 40_000_000L) {
            player.pump(t);
        }
        assertEquals(0, channel.rtcp.size());
        player.pump(start + 1_000_000_000L);
        assertEquals(1, channel.rtcp.size());
        assertEquals(1, RtcpParser.parse(channel.rtcp.get(0)).senderReports().size());
    }

    @Test
    void aCancelledPlayerSendsNothingMore() throws Exception {
        RtspSession session = session(new ScriptedSource(10));
        session.play(null, null, Overbuffer.NONE);
        session.startStreaming(scheduled::add);
        Playback first = scheduled.get(0);
        first.pump(nanos.get());
        session.pause();
        assertEquals(Playback.DONE, first.pump(nanos.get() + 1_000_000_000L));
        assertEquals(1, channel.rtp.size());
        assertTrue(RtpHeader.parse(channel.rtp.get(0)).marker());
    }
}
