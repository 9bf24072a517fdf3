package org.tributary.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.stream.PathRegistry;
import org.tributary.catalog.MediaCatalog;
import org.tributary.engine.StreamingEngine;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;
import org.tributary.session.RtspSession;
import org.tributary.session.RtxLimits;
import org.tributary.session.SessionRegistry;
import org.tributary.session.SessionState;
import org.tributary.session.TrafficMeter;
import org.tributary.transport.UdpEndpoint;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each method handler called directly with its context, over real objects: a catalogue holding one hinted
 * MP4, a session registry, a UDP endpoint and a connection on a loopback socket.
 */
class MethodHandlersTest {

    private static final String BASE = "rtsp://127.0.0.1/movies/hinted.mp4";

    @TempDir
    Path media;

    private ExecutorService threads;
    private StreamingEngine engine;
    private UdpEndpoint udp;
    private LoopbackConnections connections;
    private RtspConnection connection;
    private RtspConnection otherConnection;
    private final SessionRegistry registry = new SessionRegistry(60, 10);
    private PathResolver paths;
    private SessionLookup sessions;
    private BandwidthLimit bandwidth;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(media.resolve("movies"));
        try (InputStream in = getClass().getResourceAsStream("/org/tributary/media/mp4/Mp4FileFuzzTestInputs/open/hinted.mp4")) {
            Files.copy(in, media.resolve("movies/hinted.mp4"));
        }
        threads = Executors.newCachedThreadPool();
        // A clock that stands still: a PLAY's playback never gets past its first packets, so the 0.2 s movie
        // cannot play to its end (and the session fall back to READY) before a test looks at its state.
        engine = new StreamingEngine(1, (name, loop) -> threads.execute(loop), () -> 0L);
        udp = new UdpEndpoint(InetAddress.getLoopbackAddress(), 0, 0);
        connections = new LoopbackConnections(ConnectionGuards.defaults());
        connection = connections.from("127.0.0.1");
        otherConnection = connections.from("127.0.0.2");
        paths = new PathResolver(new PathRegistry(new MediaCatalog(media)));
        sessions = new SessionLookup(registry);
        bandwidth = new BandwidthLimit(TrafficMeter.NONE, 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        registry.closeAll("test over");
        engine.close();
        udp.close();
        connections.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static RtspRequest request(String method, String uri, String headers) throws Exception {
        String text = method + " " + uri + " RTSP/1.0\r\nCSeq: 5\r\n" + headers + "\r\n";
        return (RtspRequest) new RtspDecoder(DecoderLimits.DEFAULTS).decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private MethodContext context(RtspConnection on, String method, String uri, String headers) throws Exception {
        RtspRequest request = request(method, uri, headers);
        Target target = uri.equals("*") ? null : paths.target(uri);
        return new MethodContext(request, on, SessionLookup.requester(on, null), target, null);
    }

    private SetupHandler setupHandler() {
        return new SetupHandler(paths, sessions, udp, TrafficMeter.NONE, bandwidth);
    }

    private static int refusedWith(MethodHandler handler, MethodContext context) {
        return assertThrows(RefusedException.class, () -> handler.handle(context)).refusal().code();
    }

    /** SETUP of the first track over TCP; returns the session id. */
    private String setUpTrack(int track, String channels) throws Exception {
        Reply reply = setupHandler().handle(context(connection, "SETUP", BASE + "/trackID=" + track,
                "Transport: RTP/AVP/TCP;unicast;interleaved=" + channels + "\r\n"));
        return reply.response().headers().get("Session").split(";")[0];
    }

    @Test
    void optionsListsTheMethodsAndKeepsOnlyTheRequestersSessionAlive() throws Exception {
        OptionsHandler options = new OptionsHandler(sessions, "OPTIONS, DESCRIBE");
        RtspResponse ok = options.handle(context(connection, "OPTIONS", "*", "Session: ;;;\r\n")).response();
        assertEquals(200, ok.code(), "a malformed Session header on OPTIONS is ignored");
        assertEquals("OPTIONS, DESCRIBE", ok.headers().get("Public"));
        assertEquals("5", ok.headers().get("CSeq"));
        String id = setUpTrack(1, "0-1");
        assertEquals(200, options.handle(context(connection, "OPTIONS", "*", "Session: " + id + "\r\n")).response().code());
        assertEquals(454, refusedWith(options, context(otherConnection, "OPTIONS", "*", "Session: " + id + "\r\n")),
                "another connection's session is not found");
    }

    @Test
    void describeAnswersTheSdpUnderAContentBaseAndRefusesTracksAndMissingFiles() throws Exception {
        DescribeHandler describe = new DescribeHandler(paths, new MulticastSetup(), new RtxOffer());
        RtspResponse sdp = describe.handle(context(connection, "DESCRIBE", BASE, "")).response();
        assertEquals(200, sdp.code());
        assertEquals(BASE + "/", sdp.headers().get("Content-Base"));
        assertEquals("application/sdp", sdp.headers().get("Content-Type"));
        String body = new String(sdp.body(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("v=0\r\n"), body);
        assertTrue(body.contains("\r\nm="), body);
        assertEquals(404, refusedWith(describe, context(connection, "DESCRIBE", BASE + "/trackID=1", "")));
        assertEquals(404, refusedWith(describe, context(connection, "DESCRIBE", "rtsp://127.0.0.1/movies/none.mp4", "")));
    }

    @Test
    void setupOverTcpCreatesTheSessionAndAnswersTheChannelsAndSsrc() throws Exception {
        Reply reply = setupHandler().handle(context(connection, "SETUP", BASE + "/trackID=1",
                "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n"));
        RtspResponse response = reply.response();
        assertEquals(200, response.code());
        assertTrue(response.headers().get("Transport").matches("RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=[0-9A-F]{8}"),
                response.headers().get("Transport"));
        String id = response.headers().get("Session").split(";")[0];
        assertEquals(";timeout=60", response.headers().get("Session").substring(id.length()));
        RtspSession session = registry.get(id);
        assertNotNull(session);
        assertEquals("movies/hinted.mp4", session.presentationPath());
        assertEquals(1, registry.size());
        assertNull(reply.afterSent(), "nothing runs after a SETUP");
    }

    @Test
    void setupOverUdpAnswersBothPortPairs() throws Exception {
        RtspResponse response = setupHandler().handle(context(connection, "SETUP", BASE + "/trackID=1",
                "Transport: RTP/AVP;unicast;client_port=5000-5001\r\n")).response();
        assertTrue(response.headers().get("Transport").startsWith("RTP/AVP;unicast;client_port=5000-5001;server_port="
                + udp.rtpPort() + "-" + udp.rtcpPort() + ";ssrc="), response.headers().get("Transport"));
    }

    @Test
    void describeOffersAvpfWithNackAndAnRtxTypeOnEveryTrackWhileRetransmissionIsOn() throws Exception {
        RtxOffer rtx = new RtxOffer();
        rtx.limits(new RtxLimits(800, 10, 3, 100_000));
        String body = new String(new DescribeHandler(paths, new MulticastSetup(), rtx).handle(context(connection, "DESCRIBE", BASE, ""))
                .response().body(), StandardCharsets.UTF_8);
        java.util.List<String> mLines = body.lines().filter(l -> l.startsWith("m=")).toList();
        assertTrue(mLines.size() >= 1, body);
        for (String m : mLines) {
            String[] f = m.split(" ");
            assertEquals("RTP/AVPF", f[2], m);
            int pt = Integer.parseInt(f[3]);
            int rtxPt = Integer.parseInt(f[4]);
            assertEquals(RtxOffer.payloadType(pt), rtxPt, m);
            assertTrue(body.contains("a=rtcp-fb:" + pt + " nack\r\n"), body);
            assertTrue(body.contains("a=fmtp:" + rtxPt + " apt=" + pt + ";rtx-time=800\r\n"), body);
            assertTrue(body.contains("a=rtpmap:" + rtxPt + " rtx/"), body);
        }
        rtx.players("GStreamer");
        String vlc = new String(new DescribeHandler(paths, new MulticastSetup(), rtx).handle(context(connection, "DESCRIBE",
                BASE, "User-Agent: LibVLC/3.0.18 (LIVE555 Streaming Media v2022.07.14)\r\n")).response().body(),
                StandardCharsets.UTF_8);
        assertTrue(vlc.contains(" RTP/AVP ") && !vlc.contains("AVPF") && !vlc.contains("rtx"), vlc);
        String gst = new String(new DescribeHandler(paths, new MulticastSetup(), rtx).handle(context(connection, "DESCRIBE",
                BASE, "User-Agent: GStreamer/1.22.0\r\n")).response().body(), StandardCharsets.UTF_8);
        assertTrue(gst.contains(" RTP/AVPF "), gst);
        rtx.limits(new RtxLimits(800, 0, 3, 100_000));
        String off = new String(new DescribeHandler(paths, new MulticastSetup(), rtx).handle(context(connection, "DESCRIBE",
                BASE, "User-Agent: GStreamer/1.22.0\r\n")).response().body(), StandardCharsets.UTF_8);
        assertTrue(off.contains(" RTP/AVP ") && !off.contains("AVPF") && !off.contains("rtx"), off);
    }

    @Test
    void setupWithAvpfOverUdpTurnsRetransmissionOnAndAvpDoesNot() throws Exception {
        RtxOffer rtx = new RtxOffer();
        rtx.limits(new RtxLimits(1000, 10, 3, 100_000));
        SetupHandler setup = setupHandler();
        setup.rtx(rtx);
        RtspResponse avpf = setup.handle(context(connection, "SETUP", BASE + "/trackID=1",
                "Transport: RTP/AVPF;unicast;client_port=5000-5001\r\n")).response();
        assertTrue(avpf.headers().get("Transport").startsWith("RTP/AVPF;unicast;client_port=5000-5001;"),
                avpf.headers().get("Transport"));
        RtspSession session = registry.get(avpf.headers().get("Session").split(";")[0]);
        assertTrue(session.output(0).rtxSsrc() > 0, "rtx stream set up");
        RtspResponse avp = setup.handle(context(otherConnection, "SETUP", BASE + "/trackID=1",
                "Transport: RTP/AVP;unicast;client_port=5002-5003\r\n")).response();
        assertTrue(avp.headers().get("Transport").startsWith("RTP/AVP;unicast;"), avp.headers().get("Transport"));
        assertEquals(-1, registry.get(avp.headers().get("Session").split(";")[0]).output(0).rtxSsrc());
        RtspResponse tcp = setup.handle(context(otherConnection, "SETUP", BASE + "/trackID=1",
                "Transport: RTP/AVPF/TCP;unicast;interleaved=0-1\r\n")).response();
        assertEquals(-1, registry.get(tcp.headers().get("Session").split(";")[0]).output(0).rtxSsrc(),
                "no retransmission over TCP");
    }

    @Test
    void setupRefusesTransportsItCannotServeBeforeCreatingASession() throws Exception {
        SetupHandler setup = setupHandler();
        String track = BASE + "/trackID=1";
        assertEquals(400, refusedWith(setup, context(connection, "SETUP", track, "")), "no Transport header");
        assertEquals(461, refusedWith(setup, context(connection, "SETUP", track,
                "Transport: RTP/AVP;multicast\r\n")), "multicast is not offered");
        assertEquals(461, refusedWith(setup, context(connection, "SETUP", track,
                "Transport: RTP/AVP/TCP;unicast;interleaved=255\r\n")), "no channel left for RTCP");
        assertEquals(461, refusedWith(setup, context(connection, "SETUP", track,
                "Transport: RTP/AVP;unicast;client_port=65535\r\n")), "no port left for RTCP");
        assertEquals(404, refusedWith(setup, context(connection, "SETUP", BASE + "/trackID=9",
                "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n")), "no such track");
        assertEquals(0, registry.size(), "no refused SETUP leaves a session behind");
    }

    @Test
    void setupRefusesChannelsAnotherSessionUsesOnTheConnection() throws Exception {
        setUpTrack(1, "0-1");
        assertEquals(461, refusedWith(setupHandler(), context(connection, "SETUP", BASE + "/trackID=1",
                "Transport: RTP/AVP/TCP;unicast;interleaved=1-2\r\n")));
        assertEquals(1, registry.size());
    }

    @Test
    void setupPastTheSessionLimitIs453() throws Exception {
        registry.maxSessions(1);
        setUpTrack(1, "0-1");
        assertEquals(453, refusedWith(setupHandler(), context(otherConnection, "SETUP", BASE + "/trackID=1",
                "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n")));
    }

    @Test
    void playAnswersRangeAndRtpInfoAndStartsStreamingOnlyAfterTheAnswer() throws Exception {
        String id = setUpTrack(1, "0-1");
        PlaybackHandler playback = new PlaybackHandler(sessions, engine, bandwidth, new InstantOn());
        Reply reply = playback.handle(context(connection, "PLAY", BASE, "Session: " + id + "\r\nRange: npt=0-\r\n"));
        RtspResponse response = reply.response();
        assertEquals(200, response.code());
        assertTrue(response.headers().get("Range").startsWith("npt=0"), response.headers().get("Range"));
        assertTrue(response.headers().get("RTP-Info").startsWith("url=" + BASE + "/"), response.headers().get("RTP-Info"));
        assertTrue(response.headers().get("RTP-Info").contains(";seq="), response.headers().get("RTP-Info"));
        assertNotNull(reply.afterSent(), "streaming starts once the answer is queued");
        reply.afterSent().run();
        assertEquals(SessionState.PLAYING, registry.get(id).state());

        RtspResponse paused = playback.handle(context(connection, "PAUSE", BASE, "Session: " + id + "\r\n")).response();
        assertEquals(200, paused.code());
        assertTrue(paused.headers().get("Range").matches("npt=\\d+\\.\\d+-"), paused.headers().get("Range"));

        RtspResponse down = playback.handle(context(connection, "TEARDOWN", BASE, "Session: " + id + "\r\n")).response();
        assertEquals(id, down.headers().get("Session"));
        assertNull(registry.get(id), "the session is gone");
    }

    @Test
    void playAnswersTheInstantOnHintsItHonoursWithWhatTheClientGets() throws Exception {
        String id = setUpTrack(1, "0-1");
        InstantOn instantOn = new InstantOn();
        instantOn.settings(3, 4);
        PlaybackHandler playback = new PlaybackHandler(sessions, engine, bandwidth, instantOn);
        RtspResponse response = playback.handle(context(connection, "PLAY", BASE, "Session: " + id
                + "\r\nSpeed: 2\r\nx-Prebuffer: maxtime=1.5\r\n")).response();
        assertEquals(200, response.code());
        assertEquals("2.0", response.headers().get("Speed"), "lowered to what the client asked");
        assertEquals("maxtime=1.5", response.headers().get("x-Prebuffer"));

        String other = setUpTrack(1, "2-3");
        RtspResponse capped = playback.handle(context(connection, "PLAY", BASE, "Session: " + other
                + "\r\nSpeed: 10\r\nx-Prebuffer: maxtime=30\r\n")).response();
        assertEquals("4.0", capped.headers().get("Speed"), "never more than the setting");
        assertEquals("maxtime=3.0", capped.headers().get("x-Prebuffer"));
    }

    @Test
    void aSessionThatRetransmitsGetsNoBurst() throws Exception {
        String id = setUpTrack(1, "0-1");
        registry.get(id).output(0).retransmit(97, new org.tributary.session.RtxLimits(1000, 10, 3, 512 * 1024),
                System::nanoTime);
        InstantOn instantOn = new InstantOn();
        instantOn.settings(3, 4);
        PlaybackHandler playback = new PlaybackHandler(sessions, engine, bandwidth, instantOn);
        RtspResponse response = playback.handle(context(connection, "PLAY", BASE, "Session: " + id
                + "\r\nx-Prebuffer: maxtime=2\r\n")).response();
        assertEquals(200, response.code());
        assertEquals("maxtime=0.0", response.headers().get("x-Prebuffer"), "real time from the first packet");
    }

    @Test
    void playRefusesAMalformedInstantOnHint() throws Exception {
        String id = setUpTrack(1, "0-1");
        PlaybackHandler playback = new PlaybackHandler(sessions, engine, bandwidth, new InstantOn());
        assertEquals(400, refusedWith(playback, context(connection, "PLAY", BASE, "Session: " + id
                + "\r\nx-Prebuffer: size=10\r\n")));
        assertEquals(400, refusedWith(playback, context(connection, "PLAY", BASE, "Session: " + id
                + "\r\nSpeed: -1\r\n")));
    }

    @Test
    void playRefusesWhatIsNotTheSessionsWholePresentation() throws Exception {
        String id = setUpTrack(1, "0-1");
        PlaybackHandler playback = new PlaybackHandler(sessions, engine, bandwidth, new InstantOn());
        assertEquals(454, refusedWith(playback, context(connection, "PLAY", BASE, "")), "no Session header");
        assertEquals(454, refusedWith(playback, context(otherConnection, "PLAY", BASE, "Session: " + id + "\r\n")));
        assertEquals(460, refusedWith(playback, context(connection, "PLAY", BASE + "/trackID=1", "Session: " + id + "\r\n")));
        assertEquals(457, refusedWith(playback, context(connection, "PLAY", BASE, "Session: " + id
                + "\r\nRange: npt=99999-\r\n")), "past the end");
        assertEquals(457, refusedWith(playback, context(connection, "PLAY", BASE, "Session: " + id
                + "\r\nRange: clock=20250101T000000Z-\r\n")), "not npt");
        assertEquals(SessionState.READY, registry.get(id).state());
    }

    @Test
    void parametersAreKeepAlivesAndNoneCanBeSet() throws Exception {
        String id = setUpTrack(1, "0-1");
        ParameterHandler parameters = new ParameterHandler(sessions);
        RtspResponse kept = parameters.handle(context(connection, "GET_PARAMETER", BASE, "Session: " + id + "\r\n")).response();
        assertEquals(200, kept.code());
        assertEquals(id + ";timeout=60", kept.headers().get("Session"));
        assertNull(parameters.handle(context(connection, "GET_PARAMETER", "*", "")).response().headers().get("Session"));
        assertEquals(451, refusedWith(parameters, context(connection, "SET_PARAMETER", BASE,
                "Content-Length: 6\r\n\r\nvolume")), "no settable parameters");
    }

    @Test
    void pathsAreResolvedOnceToTheirCanonicalPresentationAndTrack() throws Exception {
        Target target = paths.target("rtsp://127.0.0.1/movies//./hinted.mp4/trackID=2");
        assertEquals("movies/hinted.mp4", target.presentation());
        assertEquals(1, target.track());
        assertEquals(-2, paths.target(BASE + "/trackID=x").track());
        assertEquals(400, assertThrows(RefusedException.class, () -> paths.target("rtsp://127.0.0.1/a%zz"))
                .refusal().code());
        assertEquals(403, assertThrows(RefusedException.class, () -> paths.target("rtsp://127.0.0.1/../etc/passwd"))
                .refusal().code());
    }
}
