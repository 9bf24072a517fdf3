package org.tributary.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.catalog.MediaCatalog;
import org.tributary.engine.Playback;
import org.tributary.engine.StreamingEngine;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.session.MulticastGroups;
import org.tributary.session.SessionRegistry;
import org.tributary.session.TrafficMeter;
import org.tributary.source.SourceTrack;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;
import org.tributary.transport.MulticastRange;
import org.tributary.transport.UdpEndpoint;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Multicast SETUPs through the SETUP handler, over a stream registered at a path and a file beside it. */
class MulticastSetupTest {

    private static final String LIVE = "rtsp://127.0.0.1/live/cam.sdp";
    private static final List<SourceTrack> TRACKS = List.of(
            new SourceTrack(0, "video", 96, 90000, "H264", 0, List.of("rtpmap:96 H264/90000")),
            new SourceTrack(1, "audio", 97, 48000, "OPUS", 0, List.of("rtpmap:97 opus/48000/2")));

    @TempDir
    Path media;

    private final SessionRegistry registry = new SessionRegistry(60, 10);
    private final List<Playback> feeds = new ArrayList<>();
    private UdpEndpoint udp;
    private LoopbackConnections connections;
    private PathRegistry pathRegistry;
    private PathResolver paths;
    private MulticastGroups groups;
    private SetupHandler setup;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(media.resolve("movies"));
        try (InputStream in = getClass().getResourceAsStream("/org/tributary/media/mp4/Mp4FileFuzzTestInputs/open/hinted.mp4")) {
            Files.copy(in, media.resolve("movies/hinted.mp4"));
        }
        udp = new UdpEndpoint(InetAddress.getLoopbackAddress(), 0, 0);
        connections = new LoopbackConnections(ConnectionGuards.defaults());
        pathRegistry = new PathRegistry(new MediaCatalog(media));
        paths = new PathResolver(pathRegistry);
        groups = new MulticastGroups(MulticastRange.parse("239.255.77.20"), 22100, 22103, 7, null, feeds::add,
                System::nanoTime);
        setup = new SetupHandler(paths, new SessionLookup(registry), udp, TrafficMeter.NONE,
                new BandwidthLimit(TrafficMeter.NONE, 0));
        setup.multicastGroups(groups);
    }

    @AfterEach
    void tearDown() throws Exception {
        registry.closeAll("test over");
        groups.closeAll();
        udp.close();
        connections.close();
    }

    private Stream publish(String path) throws Exception {
        Stream stream = new Stream(path, TRACKS, StreamLimits.DEFAULT, System::nanoTime);
        pathRegistry.register(path, stream);
        return stream;
    }

    private MethodContext context(RtspConnection on, String uri, String headers) throws Exception {
        String text = "SETUP " + uri + " RTSP/1.0\r\nCSeq: 3\r\n" + headers + "\r\n";
        RtspRequest request = (RtspRequest) new RtspDecoder(DecoderLimits.DEFAULTS)
                .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        return new MethodContext(request, on, SessionLookup.requester(on, null), paths.target(uri), null);
    }

    private RtspResponse multicastSetup(RtspConnection on, String uri, String session) throws Exception {
        return setup.handle(context(on, uri, "Transport: RTP/AVP;multicast\r\n"
                + (session == null ? "" : "Session: " + session + "\r\n"))).response();
    }

    @Test
    void twoViewersGetTheSameGroupAndPortsAndOneFeedRuns() throws Exception {
        publish("live/cam.sdp");
        RtspConnection first = connections.from("127.0.0.1");
        RtspConnection second = connections.from("127.0.0.2");
        RtspResponse video = multicastSetup(first, LIVE + "/trackID=1", null);
        assertEquals(200, video.code());
        assertEquals("RTP/AVP;multicast;destination=239.255.77.20;port=22100-22101;ttl=7", video.headers().get("Transport"));
        String session = video.headers().get("Session").split(";")[0];
        assertEquals("RTP/AVP;multicast;destination=239.255.77.20;port=22102-22103;ttl=7",
                multicastSetup(first, LIVE + "/trackID=2", session).headers().get("Transport"));
        assertEquals("RTP/AVP;multicast;destination=239.255.77.20;port=22100-22101;ttl=7",
                multicastSetup(second, LIVE + "/trackID=1", null).headers().get("Transport"), "the same group");
        assertEquals(1, feeds.size(), "one feed for both viewers");
        assertEquals("mcast", registry.get(session).transportKind());
        registry.closeAll("viewers gone");
        assertEquals(0, groups.feedCount(), "the group is released with the last viewer");
    }

    @Test
    void unicastAndMulticastViewersOfOneStreamAtOnce() throws Exception {
        publish("live/cam.sdp");
        RtspConnection viewer = connections.from("127.0.0.1");
        assertEquals(200, multicastSetup(viewer, LIVE + "/trackID=1", null).code());
        RtspResponse unicast = setup.handle(context(connections.from("127.0.0.3"), LIVE + "/trackID=1",
                "Transport: RTP/AVP;unicast;client_port=5000-5001\r\n")).response();
        assertTrue(unicast.headers().get("Transport").startsWith("RTP/AVP;unicast;client_port=5000-5001"));
        assertEquals(2, registry.size());
    }

    @Test
    void aFileIsNotMulticastAndNoSessionIsMade() throws Exception {
        RtspConnection viewer = connections.from("127.0.0.1");
        RefusedException refused = assertThrows(RefusedException.class, () -> setup.handle(context(viewer,
                "rtsp://127.0.0.1/movies/hinted.mp4/trackID=1", "Transport: RTP/AVP;multicast\r\n")));
        assertEquals(461, refused.refusal().code());
        assertTrue(refused.getMessage().contains("only live streams are sent by multicast"), refused.getMessage());
        assertEquals(0, registry.size());
    }

    @Test
    void aUsedUpRangeGets453WithTheReason() throws Exception {
        publish("live/cam.sdp");
        publish("live/other.sdp");
        assertEquals(200, multicastSetup(connections.from("127.0.0.1"), LIVE + "/trackID=1", null).code());
        RefusedException refused = assertThrows(RefusedException.class, () -> setup.handle(context(
                connections.from("127.0.0.2"), "rtsp://127.0.0.1/live/other.sdp/trackID=1",
                "Transport: RTP/AVP;multicast\r\n")));
        assertEquals(453, refused.refusal().code());
        assertTrue(refused.getMessage().contains("is in use"), refused.getMessage());
    }

    @Test
    void withoutGroupsMulticastGets461() throws Exception {
        publish("live/cam.sdp");
        SetupHandler plain = new SetupHandler(paths, new SessionLookup(registry), udp, TrafficMeter.NONE,
                new BandwidthLimit(TrafficMeter.NONE, 0));
        assertEquals(461, assertThrows(RefusedException.class, () -> plain.handle(context(connections.from("127.0.0.1"),
                LIVE + "/trackID=1", "Transport: RTP/AVP;multicast\r\n"))).refusal().code());
    }

    @Test
    void playOfAMulticastViewerHasNoRtpInfoForItsGroupsOwnNumbering() throws Exception {
        publish("live/cam.sdp");
        RtspConnection viewer = connections.from("127.0.0.1");
        String session = multicastSetup(viewer, LIVE + "/trackID=1", null).headers().get("Session").split(";")[0];
        StreamingEngine engine = new StreamingEngine(1, (name, loop) -> new Thread(loop, name).start());
        try {
            PlaybackHandler playback = new PlaybackHandler(new SessionLookup(registry), engine,
                    new BandwidthLimit(TrafficMeter.NONE, 0), new InstantOn());
            String text = "PLAY " + LIVE + " RTSP/1.0\r\nCSeq: 4\r\nSession: " + session + "\r\n\r\n";
            RtspRequest request = (RtspRequest) new RtspDecoder(DecoderLimits.DEFAULTS)
                    .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
            RtspResponse response = playback.handle(new MethodContext(request, viewer,
                    SessionLookup.requester(viewer, null), paths.target(LIVE), null)).response();
            assertEquals(200, response.code());
            assertEquals("npt=now-", response.headers().get("Range"));
            assertNull(response.headers().get("RTP-Info"), "the feed's numbering is not the session's");
        } finally {
            engine.close();
        }
    }
}
