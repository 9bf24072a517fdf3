package org.tributary.session;

import org.junit.jupiter.api.Test;
import org.tributary.engine.Playback;
import org.tributary.rtp.RtpHeader;
import org.tributary.rtp.rtcp.RtcpParser;
import org.tributary.source.SourceTrack;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;
import org.tributary.stream.StreamSource;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Reader sessions playing a shared stream: each viewer gets its own SSRC, numbering and timestamps. */
class StreamSessionTest {

    private static final List<SourceTrack> TRACKS =
            List.of(new SourceTrack(0, "video", 96, 90000, "H264", 0, List.of("rtpmap:96 H264/90000")));

    private final AtomicLong nanos = new AtomicLong(7_000_000_000L);
    private final SessionRegistry registry = new SessionRegistry(60, 10, nanos::get, Clock.systemUTC());
    private final Stream stream = new Stream("cam", TRACKS, StreamLimits.DEFAULT, nanos::get);
    private final StreamSource source = new StreamSource(stream);

    private record Viewer(RtspSession session, CapturingChannel channel, Playback player, RtspSession.PlayStart play) {
    }

    private Viewer viewer(int port) throws Exception {
        RtspSession session = registry.create("live/cam", source, new InetSocketAddress("10.0.0.1", port), "test",
                null, new Object());
        CapturingChannel channel = new CapturingChannel();
        session.setUp(new TrackOutput(0, 90000, channel, "c"));
        List<Playback> scheduled = new ArrayList<>();
        RtspSession.PlayStart play = session.play(null, null, Overbuffer.NONE);
        session.startStreaming(scheduled::add);
        return new Viewer(session, channel, scheduled.get(0), play);
    }

    private void write(int number, long timestamp, boolean keyFrame) {
        stream.write(0, ByteBuffer.wrap(new byte[] {(byte) number}), true, timestamp, 96, keyFrame);
    }

    @Test
    void packetsWrittenToTheStreamReachEveryViewerRenumbered() throws Exception {
        Viewer a = viewer(5000);
        Viewer b = viewer(5002);
        nanos.addAndGet(20_000_000L);
        write(1, 4_000_000_000L, true);
        nanos.addAndGet(40_000_000L);
        write(2, 4_000_003_600L, false);
        a.player().pump(nanos.get());
        b.player().pump(nanos.get());
        for (Viewer v : List.of(a, b)) {
            assertEquals(2, v.channel().rtp.size());
            RtpHeader first = RtpHeader.parse(v.channel().rtp.get(0));
            RtpHeader second = RtpHeader.parse(v.channel().rtp.get(1));
            assertEquals(v.session().output(0).ssrc(), first.ssrc());
            assertEquals(v.play().tracks().get(0).sequence(), first.sequenceNumber());
            assertEquals((first.sequenceNumber() + 1) & 0xFFFF, second.sequenceNumber());
            assertEquals(3600, (second.timestamp() - first.timestamp()) & 0xFFFFFFFFL, "spacing kept");
            long sincePlay = (first.timestamp() - v.play().tracks().get(0).rtpTime()) & 0xFFFFFFFFL;
            assertEquals(1800, sincePlay, "20 ms after PLAY");
            assertEquals(1, v.channel().rtp.get(0).get(12));
            assertEquals(2, v.channel().rtp.get(1).get(12));
        }
        assertNotEquals(a.session().output(0).ssrc(), b.session().output(0).ssrc());
        assertEquals(2, stream.readerCount());
    }

    @Test
    void aLateViewerStartsWithTheGop() throws Exception {
        write(1, 100, false);
        write(2, 200, true);
        write(3, 300, false);
        Viewer late = viewer(5004);
        late.player().pump(nanos.get());
        assertEquals(List.of(2, 3), late.channel().rtp.stream().map(p -> (int) p.get(12)).toList());
    }

    @Test
    void theEndOfTheStreamEndsThePlaybackWithBye() throws Exception {
        Viewer v = viewer(5006);
        stream.end();
        assertEquals(Playback.DONE, v.player().pump(nanos.get()));
        assertEquals(SessionState.READY, v.session().state());
        assertEquals(List.of(v.session().output(0).ssrc()), RtcpParser.parse(v.channel().rtcp.get(0)).byeSsrcs());
    }

    @Test
    void aTornDownViewerLeavesTheStream() throws Exception {
        Viewer v = viewer(5008);
        assertEquals(1, stream.readerCount());
        v.session().close("teardown");
        assertEquals(0, stream.readerCount());
    }

    @Test
    void anIdleViewerIsPolledAgainSoonWithoutSpinning() throws Exception {
        Viewer v = viewer(5010);
        long now = nanos.get();
        long next = v.player().pump(now);
        assertEquals(now + 10_000_000L, next);
        assertEquals(0, v.channel().rtp.size());
    }
}
