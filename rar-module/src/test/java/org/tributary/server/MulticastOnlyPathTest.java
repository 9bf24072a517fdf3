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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A multicast-only path (tributary.multicast.only-paths): DESCRIBE names the group and its ports, a unicast
 * SETUP gets 461 saying why, a multicast SETUP joins the group the SDP named; other paths and files unchanged.
 */
class MulticastOnlyPathTest {

    private static final String LIVE = "rtsp://127.0.0.1/live/allhands.sdp";
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
    private DescribeHandler describe;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(media.resolve("live"));
        try (InputStream in = getClass().getResourceAsStream("/org/tributary/media/mp4/Mp4FileFuzzTestInputs/open/hinted.mp4")) {
            Files.copy(in, media.resolve("live/allhands-replay.mp4"));
        }
        udp = new UdpEndpoint(InetAddress.getLoopbackAddress(), 0, 0);
        connections = new LoopbackConnections(ConnectionGuards.defaults());
        pathRegistry = new PathRegistry(new MediaCatalog(media));
        paths = new PathResolver(pathRegistry);
        groups = new MulticastGroups(MulticastRange.parse("239.255.77.30-239.255.77.31"), 22100, 22103, 7, null,
                feeds::add, System::nanoTime);
        setup = new SetupHandler(paths, new SessionLookup(registry), udp, TrafficMeter.NONE,
                new BandwidthLimit(TrafficMeter.NONE, 0));
        setup.multicastGroups(groups);
        setup.multicast().onlyPaths(MulticastOnlyPaths.parse("live/allhands"));
        describe = new DescribeHandler(paths, setup.multicast(), new RtxOffer());
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

    private MethodContext context(String method, String uri, String headers) throws Exception {
        String text = method + " " + uri + " RTSP/1.0\r\nCSeq: 3\r\n" + headers + "\r\n";
        RtspRequest request = (RtspRequest) new RtspDecoder(DecoderLimits.DEFAULTS)
                .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        RtspConnection on = connections.from("127.0.0.1");
        return new MethodContext(request, on, SessionLookup.requester(on, null), paths.target(uri), null);
    }

    private String sdp(String uri) throws Exception {
        RtspResponse answer = describe.handle(context("DESCRIBE", uri, "")).response();
        assertEquals(200, answer.code());
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    private RtspResponse setUp(String uri, String transport) throws Exception {
        return setup.handle(context("SETUP", uri, "Transport: " + transport + "\r\n")).response();
    }

    @Test
    void describeNamesTheGroupWithItsTtlAndEachTrackOnItsGroupPort() throws Exception {
        publish("live/allhands.sdp");
        String sdp = sdp(LIVE);
        assertTrue(sdp.contains("\r\nc=IN IP4 239.255.77.30/7\r\n"), sdp);
        assertTrue(sdp.contains("\r\nm=video 22100 RTP/AVP 96\r\n"), sdp);
        assertTrue(sdp.contains("\r\nm=audio 22102 RTP/AVP 97\r\n"), sdp);
        assertFalse(sdp.contains("0.0.0.0"), sdp);
        assertEquals(1, groups.feedCount(), "the group is taken and sent to from the DESCRIBE on");
        assertEquals(sdp.substring(sdp.indexOf("c=")), sdp(LIVE).substring(sdp.indexOf("c=")),
                "a second DESCRIBE names the same group");
    }

    @Test
    void aMulticastSetupJoinsTheGroupTheSdpNamed() throws Exception {
        publish("live/allhands.sdp");
        sdp(LIVE);
        RtspResponse answer = setUp(LIVE + "/trackID=2", "RTP/AVP;multicast");
        assertEquals(200, answer.code());
        assertEquals("RTP/AVP;multicast;destination=239.255.77.30;port=22102-22103;ttl=7",
                answer.headers().get("Transport"));
        assertEquals(1, feeds.size(), "one feed");
        registry.closeAll("viewer gone");
        assertEquals(1, groups.feedCount(), "the described group outlives its viewers while the stream runs");
    }

    @Test
    void unicastSetupsGet461SayingThePathIsMulticastOnlyAndNoSessionIsMade() throws Exception {
        publish("live/allhands.sdp");
        for (String transport : List.of("RTP/AVP;unicast;client_port=5000-5001", "RTP/AVP/TCP;unicast;interleaved=0-1")) {
            RefusedException refused = assertThrows(RefusedException.class, () -> setUp(LIVE + "/trackID=1", transport));
            assertEquals(461, refused.refusal().code(), transport);
            assertTrue(refused.refusal().clientMessage().startsWith("live/allhands.sdp is multicast-only: SETUP it"
                    + " with Transport: RTP/AVP;multicast"), refused.refusal().clientMessage());
            assertEquals(Map.of("Transport", "RTP/AVP;multicast"), refused.headers(), "offered, no group yet");
        }
        assertEquals(0, registry.size());
        assertEquals(0, groups.feedCount());
        sdp(LIVE);
        RefusedException afterDescribe = assertThrows(RefusedException.class, () -> setUp(LIVE + "/trackID=2",
                "RTP/AVP;unicast;client_port=5000-5001"));
        assertEquals(Map.of("Transport", "RTP/AVP;multicast;destination=239.255.77.30;port=22102-22103;ttl=7"),
                afterDescribe.headers(), "the group the DESCRIBE named is offered");
    }

    @Test
    void otherLivePathsKeepTheirUnicastSdpAndSetup() throws Exception {
        publish("live/cam.sdp");
        String sdp = sdp("rtsp://127.0.0.1/live/cam.sdp");
        assertTrue(sdp.contains("\r\nc=IN IP4 0.0.0.0\r\n") && sdp.contains("\r\nm=video 0 RTP/AVP 96\r\n"), sdp);
        assertEquals(200, setUp("rtsp://127.0.0.1/live/cam.sdp/trackID=1", "RTP/AVP;unicast;client_port=5000-5001")
                .code());
        assertEquals(0, groups.feedCount());
    }

    @Test
    void aFileUnderAMulticastOnlyPrefixIsServedByUnicast() throws Exception {
        setup.multicast().onlyPaths(MulticastOnlyPaths.parse("live/allhands-replay.mp4"));
        String uri = "rtsp://127.0.0.1/live/allhands-replay.mp4";
        assertTrue(sdp(uri).contains("\r\nc=IN IP4 0.0.0.0\r\n"));
        assertEquals(200, setUp(uri + "/trackID=1", "RTP/AVP;unicast;client_port=5000-5001").code());
        assertEquals(0, groups.feedCount());
    }

    @Test
    void theListAppliesToTheNextRequest() throws Exception {
        publish("live/allhands.sdp");
        setup.multicast().onlyPaths(MulticastOnlyPaths.NONE);
        assertEquals(200, setUp(LIVE + "/trackID=1", "RTP/AVP;unicast;client_port=5000-5001").code());
        setup.multicast().onlyPaths(MulticastOnlyPaths.parse("live/allhands"));
        assertThrows(RefusedException.class, () -> setUp(LIVE + "/trackID=2", "RTP/AVP;unicast;client_port=5002-5003"));
    }
}
