package org.tributary.relay;

import org.tributary.stream.Backoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.RelayDefinition;
import org.tributary.api.RelayInfo;
import org.tributary.catalog.MediaCatalog;
import org.tributary.rtsp.InterleavedFrame;
import org.tributary.rtsp.RtspRequest;
import org.tributary.source.SourceTrack;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;
import org.tributary.stream.StreamReader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelaysTest {

    private static final String PASSWORD = "s3cret-Pa55";
    /** Short times, so a loss is noticed and retried within a test. */
    private static final RelayTimings FAST = new RelayTimings(2_000, TimeUnit.SECONDS.toNanos(2),
            TimeUnit.SECONDS.toNanos(4), TimeUnit.SECONDS.toNanos(20),
            new Backoff(TimeUnit.MILLISECONDS.toNanos(200), TimeUnit.SECONDS.toNanos(1),
                    TimeUnit.SECONDS.toNanos(60)));

    @TempDir
    Path root;
    private PathRegistry paths;
    private Relays relays;
    private FakeRtspServer server;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger relayLog = Logger.getLogger("org.tributary.relay");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() {
        paths = new PathRegistry(new MediaCatalog(root));
        relays = new Relays(paths, null, 4, (name, loop) -> {
            Thread thread = new Thread(loop, name);
            thread.setDaemon(true);
            thread.start();
        }, FAST, System::nanoTime, Clock.systemUTC());
        paths.onDemand(relays);
        relayLog.addHandler(capture);
    }

    @AfterEach
    void tearDown() throws Exception {
        relays.closeAll();
        if (server != null) {
            server.close();
        }
        relayLog.removeHandler(capture);
    }

    private static RelayDefinition pull(String url, boolean onDemand, int linger) {
        return new RelayDefinition("cam", RelayDefinition.Direction.PULL, "relayed/cam.sdp", url, "relay", PASSWORD,
                "tcp", onDemand, linger, true);
    }

    private RelayInfo info() {
        return relays.infos().get(0);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static int drain(StreamReader reader) {
        int n = 0;
        while (reader.poll() != null) {
            n++;
        }
        return n;
    }

    @Test
    void pullRelayAnswersTheBasicChallengeAndWritesEveryPacketToTheStreamAtItsPath() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("relay:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        server = new FakeRtspServer(basic);
        relays.put(pull(server.url("live"), false, 0));

        await("the stream at the path", () -> paths.streamAt("relayed/cam.sdp") != null);
        Stream stream = paths.streamAt("relayed/cam.sdp");
        StreamReader reader = stream.openReader();
        await("packets for the reader", () -> reader.queued() >= 5);
        assertEquals("H264", stream.tracks().get(0).encodingName());
        await("a key frame in the GOP", () -> !stream.gop().isEmpty() && stream.gop().get(0).keyFrame());

        RelayInfo info = info();
        assertEquals("playing", info.state());
        assertEquals("H264", info.codecs());
        assertEquals(1, info.viewers());
        assertEquals("always", info.mode());
        assertEquals(List.of("OPTIONS", "OPTIONS", "DESCRIBE", "SETUP", "PLAY"), server.methods());
        assertEquals(basic, server.requests.get(1).header("Authorization"));
        assertEquals(server.url("live/trackID=1"), server.requests.get(3).uri());
        assertTrue(server.requests.get(3).header("Transport").contains("interleaved=0-1"));
        assertFalse(info.toString().contains(PASSWORD), info.toString());
        assertTrue(logged.stream().noneMatch(line -> line.contains(PASSWORD)), logged.toString());
    }

    @Test
    void wrongCredentialsAreToldInLastErrorWithoutThePassword() throws Exception {
        server = new FakeRtspServer("Basic bm9ib2R5Om5vdGhpbmc=");
        relays.put(pull(server.url("live"), false, 0));

        await("the refusal", () -> info().lastError() != null);
        RelayInfo info = info();
        assertTrue(info.lastError().contains("401"), info.lastError());
        assertNotNull(info.lastErrorAt());
        assertNull(paths.streamAt("relayed/cam.sdp"));
        assertFalse(info.toString().contains(PASSWORD));
        assertTrue(logged.stream().noneMatch(line -> line.contains(PASSWORD)), logged.toString());
    }

    @Test
    void aLostSourceBacksOffKeepsTheStreamAndItsViewersAndReconnects() throws Exception {
        server = new FakeRtspServer(null);
        relays.put(pull(server.url("live"), false, 0));
        await("the stream", () -> paths.streamAt("relayed/cam.sdp") != null);
        Stream stream = paths.streamAt("relayed/cam.sdp");
        StreamReader viewer = stream.openReader();
        await("packets", () -> viewer.queued() >= 3);

        server.drop();
        await("backing off", () -> info().state().equals("backing off"));
        assertNotNull(info().lastError());
        assertNotNull(info().lastErrorAt());
        assertEquals(stream, paths.streamAt("relayed/cam.sdp"), "the stream stays registered while reconnecting");
        drain(viewer);

        await("playing again", () -> info().state().equals("playing"));
        assertEquals(1, info().reconnects());
        assertEquals(2, server.connections.get());
        assertEquals(stream, paths.streamAt("relayed/cam.sdp"), "the same tracks continue the same stream");
        await("packets again for the viewer who stayed", () -> viewer.queued() >= 3);
        assertFalse(viewer.finished());
    }

    @Test
    void aLiveStreamAlreadyAtThePathIsNotShadowed() throws Exception {
        server = new FakeRtspServer(null);
        Stream publisher = new Stream("publisher", List.of(new SourceTrack(0, "video", 96, 90000, "H264", 0,
                List.of("rtpmap:96 H264/90000"))), StreamLimits.DEFAULT, System::nanoTime);
        paths.register("relayed/cam.sdp", publisher);
        relays.put(pull(server.url("live"), false, 0));

        await("the conflict", () -> info().lastError() != null);
        assertTrue(info().lastError().contains("already served"), info().lastError());
        assertEquals(publisher, paths.streamAt("relayed/cam.sdp"));
    }

    @Test
    void anOnDemandRelayStartsAtTheFirstViewerAndStopsAfterItsLinger() throws Exception {
        server = new FakeRtspServer(null);
        relays.put(pull(server.url("live"), true, 0));
        Thread.sleep(200);
        assertEquals("idle", info().state());
        assertEquals("on-demand", info().mode());
        assertEquals(0, server.connections.get());

        PathRegistry.Entry entry = paths.resolve("relayed/cam.sdp");
        PathRegistry.StreamEntry relayed = assertInstanceOf(PathRegistry.StreamEntry.class, entry);
        assertTrue(relayed.stream().packetsWritten() > 0, "the viewer waited for the first packets");
        StreamReader viewer = relayed.stream().openReader();
        relays.tick(System.nanoTime());
        assertEquals("playing", info().state(), "a viewer keeps it");
        assertTrue(logged.stream().noneMatch(line -> line.contains("stopping it")),
                "a linger of 0 does not stop a relay someone watches: " + logged);

        viewer.close();
        relays.tick(System.nanoTime());
        await("stopped after the linger", () -> info().state().equals("idle"));
        assertNull(paths.streamAt("relayed/cam.sdp"));
        assertTrue(relayed.stream().ended());
    }

    @Test
    void aPushRelayAnnouncesTheStreamsSdpRecordsAndSendsItsPackets() throws Exception {
        server = new FakeRtspServer(null);
        Stream live = new Stream("live", List.of(new SourceTrack(0, "video", 96, 90000, "H264", 0,
                List.of("rtpmap:96 H264/90000", "fmtp:96 packetization-mode=1"))), StreamLimits.DEFAULT,
                System::nanoTime);
        relays.put(new RelayDefinition("out", RelayDefinition.Direction.PUSH, "live/cam.sdp",
                server.url("pushed.sdp"), null, null, "tcp", false, 0, true));
        await("waiting", () -> info().state().equals("waiting"));

        paths.register("live/cam.sdp", live);
        await("playing", () -> info().state().equals("playing"));
        for (int i = 0; i < 5; i++) {
            live.write(0, ByteBuffer.wrap(new byte[]{0x41, (byte) i}), true, 1000L * i, 96, false);
        }
        await("the packets", () -> server.framesReceived.size() >= 5);

        assertEquals(List.of("ANNOUNCE", "SETUP", "RECORD"), server.methods());
        RtspRequest announce = server.requests.get(0);
        String sdp = new String(announce.body(), StandardCharsets.UTF_8);
        assertTrue(sdp.contains("a=rtpmap:96 H264/90000") && sdp.contains("a=fmtp:96 packetization-mode=1"), sdp);
        assertEquals("application/sdp", announce.header("Content-Type"));
        assertTrue(server.requests.get(1).header("Transport").contains("mode=record"));
        InterleavedFrame third = server.framesReceived.get(2);
        assertEquals(0, third.channel());
        assertEquals(96, third.payload()[1] & 0x7F);
        assertEquals(2, third.payload()[13]);

        paths.unregister("live/cam.sdp", live);
        await("waiting again", () -> info().state().equals("waiting"));
    }

    @Test
    void theLimitAndAPathServedTwiceAreRefusedWithAClearMessage() {
        relays.put(new RelayDefinition("a", RelayDefinition.Direction.PULL, "x.sdp", "rtsp://127.0.0.1:9/x", null,
                null, "tcp", true, 5, true));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> relays.put(
                new RelayDefinition("b", RelayDefinition.Direction.PULL, "x.sdp", "rtsp://127.0.0.1:9/y", null, null,
                        "tcp", true, 5, true)));
        assertTrue(twice.getMessage().contains("already serves"));
        for (int i = 1; i < Relays.MAX_RELAYS; i++) {
            relays.put(new RelayDefinition("r" + i, RelayDefinition.Direction.PULL, "p" + i + ".sdp",
                    "rtsp://127.0.0.1:9/x", null, null, "tcp", true, 5, false));
        }
        IllegalArgumentException full = assertThrows(IllegalArgumentException.class, () -> relays.put(
                new RelayDefinition("one-more", RelayDefinition.Direction.PULL, "z.sdp", "rtsp://127.0.0.1:9/x", null,
                        null, "tcp", true, 5, true)));
        assertTrue(full.getMessage().contains("at most 256"), full.getMessage());
        assertEquals("disabled", relays.infos().stream().filter(i -> i.name().equals("r1")).findFirst().orElseThrow()
                .state());
        assertEquals("a", relays.remove("a").name());
        assertNull(relays.remove("a"));
    }
}
