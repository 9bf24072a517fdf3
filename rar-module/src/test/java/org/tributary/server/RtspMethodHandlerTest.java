package org.tributary.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.stream.PathRegistry;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessRequest;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthSettings;
import org.tributary.catalog.MediaCatalog;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.session.Publishers;
import org.tributary.session.SessionRegistry;
import org.tributary.session.TrafficMeter;
import org.tributary.source.SourceTrack;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The dispatcher: what every request must carry, the access check on the methods that name a path, the
 * handler per method, and one refusal path that answers and tells the access log.
 */
class RtspMethodHandlerTest {

    @TempDir
    Path media;

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private LoopbackConnections connections;
    private RtspConnection connection;
    private RtspMethodHandler dispatcher;
    private PathRegistry registry;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(media.resolve("private"));
        Files.createDirectories(media.resolve("open"));
        AccessGuard guard = AccessGuard.standard(this::decide, AuthSettings.DEFAULTS);
        registry = new PathRegistry(new MediaCatalog(media));
        dispatcher = new RtspMethodHandler(guard, registry, new SessionRegistry(60, 10),
                new Publishers(registry, 10, 10, System::nanoTime, Clock.systemUTC()), null, null, null,
                TrafficMeter.NONE, new BandwidthLimit(TrafficMeter.NONE, 0));
        dispatcher.onRefusal((request, on, status, why) -> refused.add(request.methodToken() + " " + status.code()));
        connections = new LoopbackConnections(ConnectionGuards.defaults());
        connection = connections.from("127.0.0.1");
    }

    @AfterEach
    void tearDown() throws Exception {
        connections.close();
    }

    private AccessDecision decide(AccessRequest request) {
        asked.add(request.action() + " " + request.path());
        return request.path().startsWith("private") ? AccessDecision.challenge("credentials needed", "Test", List.of())
                : AccessDecision.allow("open");
    }

    private RtspResponse answer(String text) throws Exception {
        RtspRequest request = (RtspRequest) new RtspDecoder(DecoderLimits.DEFAULTS)
                .decode(ByteBuffer.wrap((text + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        return dispatcher.handle(request, connection).response();
    }

    @Test
    void aRefusalsOwnHeadersAreAnsweredBesideIt() throws Exception {
        registry.register("open/allhands.sdp", new Stream("open/allhands.sdp", List.of(new SourceTrack(0, "video", 96,
                90000, "H264", 0, List.of("rtpmap:96 H264/90000"))), StreamLimits.DEFAULT, System::nanoTime));
        dispatcher.multicastOnlyPaths("open/allhands");
        RtspResponse refusal = answer("SETUP rtsp://h/open/allhands.sdp/trackID=1 RTSP/1.0\r\nCSeq: 5\r\n"
                + "Transport: RTP/AVP;unicast;client_port=5000-5001\r\n");
        assertEquals(461, refusal.code());
        assertEquals("RTP/AVP;multicast", refusal.headers().get("Transport"), "the 461 offers multicast");
        assertEquals("open/allhands.sdp is multicast-only: SETUP it with Transport: RTP/AVP;multicast"
                + " (ffmpeg/ffplay -rtsp_transport udp_multicast)\r\n", new String(refusal.body(), StandardCharsets.UTF_8));
        assertEquals(List.of("SETUP 461"), refused);
    }

    @Test
    void optionsListsTheImplementedMethods() throws Exception {
        RtspResponse ok = answer("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n");
        assertEquals(200, ok.code());
        assertEquals("OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER, RECORD",
                ok.headers().get("Public"));
        assertEquals(List.of(), asked, "OPTIONS names no path");
    }

    @Test
    void whatEveryRequestMustCarryIsCheckedFirst() throws Exception {
        assertEquals(505, answer("OPTIONS * RTSP/2.0\r\nCSeq: 1\r\n").code());
        RtspResponse noCseq = answer("OPTIONS * RTSP/1.0\r\n");
        assertEquals(400, noCseq.code());
        assertNull(noCseq.headers().get("CSeq"));
        assertEquals(400, answer("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nCSeq: 2\r\n").code(), "two CSeq values");
        RtspResponse unknown = answer("REDIRECT rtsp://h/open/a.mp4 RTSP/1.0\r\nCSeq: 3\r\n");
        assertEquals(501, unknown.code());
        assertEquals("3", unknown.headers().get("CSeq"));
        assertEquals("OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER, RECORD",
                unknown.headers().get("Public"));
        assertEquals(List.of(), asked);
        assertEquals(List.of(), refused, "protocol errors are not access-log refusals");
    }

    @Test
    void anAccessRefusalIsAnsweredAndLoggedOnce() throws Exception {
        RtspResponse challenge = answer("DESCRIBE rtsp://h/private//x/../film.mp4 RTSP/1.0\r\nCSeq: 4\r\n");
        assertEquals(401, challenge.code());
        assertEquals("4", challenge.headers().get("CSeq"));
        assertEquals(List.of("READ private"), asked, "asked about the canonical path's nearest existing folder");
        assertEquals(List.of("DESCRIBE 401"), refused);
    }

    @Test
    void badPathsAndBadCredentialsAreRefusedBeforeAnyQuestion() throws Exception {
        assertEquals(400, answer("DESCRIBE rtsp://h/open/%zz.mp4 RTSP/1.0\r\nCSeq: 1\r\n").code());
        assertEquals(403, answer("DESCRIBE rtsp://h/../etc/passwd RTSP/1.0\r\nCSeq: 2\r\n").code());
        assertEquals(400, answer("DESCRIBE rtsp://h/open/a.mp4 RTSP/1.0\r\nCSeq: 3\r\nAuthorization: Basic ***\r\n").code());
        assertEquals(List.of(), asked);
        assertEquals(List.of("DESCRIBE 400", "DESCRIBE 403"), refused, "a malformed Authorization is no access-log refusal");
    }

    @Test
    void anAllowedRecordWithoutASessionIsA454AfterTheWriteCheck() throws Exception {
        RtspResponse noSession = answer("RECORD rtsp://h/open/live.sdp RTSP/1.0\r\nCSeq: 6\r\n");
        assertEquals(454, noSession.code());
        assertEquals(List.of("WRITE open/live.sdp"), asked, "a write is decided on the path itself");
        assertEquals(List.of("RECORD 454"), refused);
    }

    @Test
    void aMissingFileIsA404AfterTheAccessCheck() throws Exception {
        assertEquals(404, answer("DESCRIBE rtsp://h/open/none.mp4 RTSP/1.0\r\nCSeq: 1\r\n").code());
        assertEquals(List.of("READ open"), asked);
        assertEquals(List.of("DESCRIBE 404"), refused);
    }
}
