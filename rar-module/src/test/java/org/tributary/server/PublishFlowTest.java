package org.tributary.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessRequest;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthSettings;
import org.tributary.catalog.MediaCatalog;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.session.PublisherSession;
import org.tributary.session.Publishers;
import org.tributary.session.SessionRegistry;
import org.tributary.session.TrafficMeter;
import org.tributary.stream.PathRegistry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broadcast through the dispatcher: ANNOUNCE, SETUP mode=record per track, RECORD, viewers, TEARDOWN. */
class PublishFlowTest {

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 10.1.2.3\r\ns=Camera 1\r\nc=IN IP4 10.1.2.3\r\nt=0 0\r\n"
            + "m=video 0 RTP/AVP 96\r\nb=AS:800\r\na=rtpmap:96 H264/90000\r\n"
            + "a=fmtp:96 packetization-mode=1; sprop-parameter-sets=Z0LAHtkDxWhAAAADAEAAAAwDxYuS,aMuMsg==\r\n"
            + "a=control:streamid=0\r\n"
            + "m=audio 0 RTP/AVP 97\r\na=rtpmap:97 MPEG4-GENERIC/44100/2\r\na=control:streamid=1\r\na=sendonly\r\n";

    @TempDir
    Path media;

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private LoopbackConnections connections;
    private RtspConnection publisher;
    private PathRegistry registry;
    private Publishers publishers;
    private RtspMethodHandler dispatcher;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(media.resolve("live"));
        Files.writeString(media.resolve("live/file.sdp"), "v=0\r\n");
        AccessGuard guard = AccessGuard.standard(this::decide, AuthSettings.DEFAULTS);
        registry = new PathRegistry(new MediaCatalog(media));
        publishers = new Publishers(registry, 10, 10, System::nanoTime, Clock.systemUTC());
        dispatcher = new RtspMethodHandler(guard, registry, new SessionRegistry(60, 10), publishers, null, null, null,
                TrafficMeter.NONE, new BandwidthLimit(TrafficMeter.NONE, 0));
        connections = new LoopbackConnections(ConnectionGuards.defaults());
        publisher = connections.from("127.0.0.1");
    }

    @AfterEach
    void tearDown() throws Exception {
        connections.close();
    }

    private AccessDecision decide(AccessRequest request) {
        asked.add(request.action() + " " + request.path());
        return AccessDecision.allow("open");
    }

    private RtspResponse answer(RtspConnection from, String head, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String text = head + (bytes.length > 0 ? "Content-Type: application/sdp\r\nContent-Length: " + bytes.length
                + "\r\n" : "") + "\r\n" + body;
        RtspRequest request = (RtspRequest) new RtspDecoder(DecoderLimits.DEFAULTS)
                .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        return dispatcher.handle(request, from).response();
    }

    private String publishBothTracks() throws Exception {
        assertEquals(200, answer(publisher, "ANNOUNCE rtsp://h/live/cam.sdp RTSP/1.0\r\nCSeq: 1\r\n", SDP).code());
        RtspResponse video = answer(publisher, "SETUP rtsp://h/live/cam.sdp/streamid=0 RTSP/1.0\r\nCSeq: 2\r\n"
                + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record\r\n", "");
        assertEquals(200, video.code());
        assertEquals("RTP/AVP/TCP;unicast;interleaved=0-1;mode=record", video.headers().get("Transport"));
        String session = video.headers().get("Session").split(";")[0];
        RtspResponse audio = answer(publisher, "SETUP rtsp://h/live/cam.sdp/streamid=1 RTSP/1.0\r\nCSeq: 3\r\n"
                + "Session: " + session + "\r\nTransport: RTP/AVP/TCP;unicast;interleaved=2-3;mode=record\r\n", "");
        assertEquals(200, audio.code());
        RtspResponse record = answer(publisher, "RECORD rtsp://h/live/cam.sdp RTSP/1.0\r\nCSeq: 4\r\nSession: "
                + session + "\r\nRange: npt=0.000-\r\n", "");
        assertEquals(200, record.code());
        return session;
    }

    @Test
    void aBroadcastIsAnnouncedSetUpRecordedAndServedToViewers() throws Exception {
        String session = publishBothTracks();
        assertEquals(List.of("WRITE live/cam.sdp", "WRITE live/cam.sdp", "WRITE live/cam.sdp", "WRITE live/cam.sdp"),
                asked, "every publishing request is decided as a write on the presentation");
        PublisherSession broadcast = publishers.get(session);
        assertTrue(broadcast.isRecording());
        assertTrue(publisher.hasChannel(0) && publisher.hasChannel(3));
        assertInstanceOf(PathRegistry.StreamEntry.class, registry.resolve("live/cam.sdp"));

        RtspConnection viewer = connections.from("127.0.0.2");
        RtspResponse described = answer(viewer, "DESCRIBE rtsp://h/live/cam.sdp RTSP/1.0\r\nCSeq: 1\r\n", "");
        assertEquals(200, described.code());
        String sdp = new String(described.body(), StandardCharsets.UTF_8);
        assertTrue(sdp.contains("a=rtpmap:96 H264/90000\r\n") && sdp.contains("sprop-parameter-sets=Z0LAHtkD"), sdp);
        assertTrue(sdp.contains("a=control:trackID=1\r\n") && sdp.contains("a=control:trackID=2\r\n"), sdp);
        assertTrue(sdp.contains("a=range:npt=now-\r\n"), sdp);
        assertFalse(sdp.contains("10.1.2.3") || sdp.contains("streamid") || sdp.contains("sendonly"),
                "nothing of the publisher's side reaches viewers: " + sdp);
        assertEquals("READ live", asked.get(asked.size() - 1), "a read of a stream is decided on its folder");

        assertEquals(200, answer(publisher, "GET_PARAMETER rtsp://h/live/cam.sdp RTSP/1.0\r\nCSeq: 5\r\nSession: "
                + session + "\r\n", "").code(), "a keep-alive");
        assertEquals(200, answer(publisher, "TEARDOWN rtsp://h/live/cam.sdp RTSP/1.0\r\nCSeq: 6\r\nSession: "
                + session + "\r\n", "").code());
        assertEquals(0, publishers.size());
        assertFalse(publisher.hasChannel(0), "the channels are given up");
        assertEquals(404, answer(viewer, "DESCRIBE rtsp://h/live/cam.sdp RTSP/1.0\r\nCSeq: 2\r\n", "").code());
    }

    @Test
    void aSecondPublisherOnABusyPathIsRefusedUnlessTakeoverIsAllowed() throws Exception {
        publishBothTracks();
        RtspConnection second = connections.from("127.0.0.3");
        RtspResponse refused = answer(second, "ANNOUNCE rtsp://h/live/cam.sdp RTSP/1.0\r\nCSeq: 1\r\n", SDP);
        assertEquals(455, refused.code());
        assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("already publishing live/cam.sdp"));
        dispatcher.liveTakeover(true);
        assertEquals(200, answer(second, "ANNOUNCE rtsp://h/live/cam.sdp RTSP/1.0\r\nCSeq: 2\r\n", SDP).code());
        assertEquals(0, publishers.size(), "the old broadcast ended");
        assertTrue(publisher.isClosed(), "and its encoder was disconnected, so that it notices");
    }

    @Test
    void badAnnouncementsAndSetupsGetSpecificAnswers() throws Exception {
        RtspResponse noMedia = answer(publisher, "ANNOUNCE rtsp://h/live/x.sdp RTSP/1.0\r\nCSeq: 1\r\n",
                "v=0\r\ns=nothing\r\n");
        assertEquals(400, noMedia.code());
        assertTrue(new String(noMedia.body(), StandardCharsets.UTF_8).contains("no media"));
        assertEquals(400, answer(publisher, "ANNOUNCE rtsp://h/live/x.sdp RTSP/1.0\r\nCSeq: 2\r\n",
                "v=0\r\nm=video 0 RTP/AVP 96\r\n").code(), "a dynamic payload type without rtpmap");
        assertEquals(455, answer(publisher, "ANNOUNCE rtsp://h/live/file.sdp RTSP/1.0\r\nCSeq: 3\r\n", SDP).code(),
                "a media file is there");
        assertEquals(455, answer(publisher, "SETUP rtsp://h/live/y.sdp/streamid=0 RTSP/1.0\r\nCSeq: 4\r\n"
                + "Transport: RTP/AVP/TCP;interleaved=0-1;mode=record\r\n", "").code(), "no ANNOUNCE before");
        assertEquals(200, answer(publisher, "ANNOUNCE rtsp://h/live/x.sdp RTSP/1.0\r\nCSeq: 5\r\n", SDP).code());
        assertEquals(404, answer(publisher, "SETUP rtsp://h/live/x.sdp/streamid=7 RTSP/1.0\r\nCSeq: 6\r\n"
                + "Transport: RTP/AVP/TCP;interleaved=0-1;mode=record\r\n", "").code(), "no such track");
        assertEquals(461, answer(publisher, "SETUP rtsp://h/live/x.sdp/streamid=0 RTSP/1.0\r\nCSeq: 7\r\n"
                + "Transport: RTP/AVP;multicast;mode=record\r\n", "").code());
        assertEquals(0, publishers.size(), "no broadcast started from refused SETUPs");
    }

    @Test
    void oneConnectionAnnouncesAtMostSixteenPaths() throws Exception {
        for (int i = 0; i < Announcements.MAX_PER_CONNECTION; i++) {
            assertEquals(200, answer(publisher, "ANNOUNCE rtsp://h/live/" + i + ".sdp RTSP/1.0\r\nCSeq: 1\r\n", SDP)
                    .code());
        }
        RtspResponse more = answer(publisher, "ANNOUNCE rtsp://h/live/more.sdp RTSP/1.0\r\nCSeq: 2\r\n", SDP);
        assertEquals(453, more.code());
        assertEquals(200, answer(publisher, "ANNOUNCE rtsp://h/live/0.sdp RTSP/1.0\r\nCSeq: 3\r\n", SDP).code(),
                "announcing a held path again replaces it");
    }
}
