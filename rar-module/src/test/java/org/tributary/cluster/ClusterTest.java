package org.tributary.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.ClusterMember;
import org.tributary.api.ClusterView;
import org.tributary.api.LivePaths;
import org.tributary.api.RelayInfo;
import org.tributary.catalog.MediaCatalog;
import org.tributary.relay.FakeRtspServer;
import org.tributary.relay.Relays;
import org.tributary.rtsp.RtspRequest;
import org.tributary.source.SourceTrack;
import org.tributary.source.UnsupportedMediaException;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;
import org.tributary.stream.StreamReader;
import org.tributary.stream.StreamUnavailableException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * This server as an edge of a cluster whose origin is a {@link FakeRtspServer}: live paths the origin carries
 * are pulled through the cluster's own relays when a viewer asks, listed as copies, and stopped when the view
 * no longer names them, when the server leaves the cluster, or when the view grows too old.
 */
class ClusterTest {

    private static final int VALID_SECONDS = 5;

    @TempDir
    Path root;
    /** The view's clock, moved by the test; the relays keep the real one. */
    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(7));
    private PathRegistry paths;
    private Relays relays;
    private Cluster cluster;
    private FakeRtspServer origin;

    @BeforeEach
    void setUp() throws Exception {
        paths = new PathRegistry(new MediaCatalog(root));
        relays = Relays.standard(paths, null, 4, (name, loop) -> {
            Thread thread = new Thread(loop, name);
            thread.setDaemon(true);
            thread.start();
        });
        cluster = new Cluster(paths, relays, () -> 0, now::get);
        paths.onDemand(cluster.pulls());
        origin = new FakeRtspServer(null);
    }

    @AfterEach
    void tearDown() throws Exception {
        cluster.close();
        origin.close();
    }

    private String originAddress() {
        return URI.create(origin.url("")).getRawAuthority();
    }

    private ClusterView view(List<String> originPaths, int lingerSeconds) {
        return new ClusterView("edge1", List.of(
                new ClusterMember("origin", ClusterMember.ORIGIN, originAddress(), 0, 0, originPaths),
                new ClusterMember("edge1", ClusterMember.EDGE, "127.0.0.1:9", 0, 0, List.of())),
                1, lingerSeconds, VALID_SECONDS);
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

    private Stream pulled() throws Exception {
        PathRegistry.StreamEntry entry = assertInstanceOf(PathRegistry.StreamEntry.class, paths.resolve("live/cam"));
        assertEquals("live/cam", entry.canonical().path());
        assertTrue(entry.stream().packetsWritten() > 0, "the viewer waited for the first packets");
        return entry.stream();
    }

    private static Stream localStream(String name) {
        return new Stream(name, List.of(new SourceTrack(0, "video", 96, 90000, "H264", 0,
                List.of("rtpmap:96 H264/90000"))), StreamLimits.DEFAULT, System::nanoTime);
    }

    @Test
    void aLivePathTheOriginCarriesIsPulledFromItAsARelayWhenAViewerAsks() throws Exception {
        cluster.apply(view(List.of("live/cam"), 10));
        assertTrue(relays.infos().isEmpty(), "nothing is pulled before a viewer asks");
        assertEquals(0, origin.connections.get());

        Stream stream = pulled();
        assertEquals("H264", stream.tracks().get(0).encodingName());
        assertSame(stream, paths.streamAt("live/cam"));
        List<RtspRequest> sent = origin.requests;
        RtspRequest describe = sent.stream().filter(r -> r.methodToken().equals("DESCRIBE")).findFirst().orElseThrow();
        assertEquals(origin.url("live/cam"), describe.uri());
        assertEquals(ClusterEntry.RELAY_AGENT, describe.header("User-Agent"),
                "the origin must recognise the pull as a relay and not redirect it");
        assertTrue(sent.stream().filter(r -> r.methodToken().equals("SETUP")).findFirst().orElseThrow()
                .header("Transport").contains("interleaved"), "pulled over the RTSP connection");
        RelayInfo info = relays.infos().get(0);
        assertEquals("on-demand", info.mode());
        assertEquals("live/cam", info.path());

        assertSame(stream, pulled(), "a second viewer shares the pull");
        assertEquals(1, origin.connections.get(), "one connection to the origin for any number of viewers");
    }

    @Test
    void livePathsListsAPullAsAClusterCopyAndThisServersOwnStreamsAsOriginals() throws Exception {
        Stream own = localStream("publisher");
        paths.register("studio/news", own);
        cluster.apply(view(List.of("live/cam"), 10));
        assertEquals(new LivePaths(List.of("studio/news"), List.of()), cluster.livePaths());

        pulled();
        assertEquals(new LivePaths(List.of("studio/news"), List.of("live/cam")), cluster.livePaths());
    }

    @Test
    void aPathNoOtherNodeCarriesFallsThroughToTheMediaFolder() throws Exception {
        Files.writeString(root.resolve("notes.txt"), "not media");
        cluster.apply(view(List.of("live/cam"), 10));

        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> paths.resolve("live/other"));
        UnsupportedMediaException file = assertThrows(UnsupportedMediaException.class,
                () -> paths.resolve("notes.txt"));
        assertFalse(file instanceof StreamUnavailableException, "the file was opened, not a pull: " + file);
        assertTrue(relays.infos().isEmpty());
        assertEquals(0, origin.connections.get());
    }

    @Test
    void aPathOnlyThisNodeCarriesIsNotPulledFromItself() throws Exception {
        cluster.apply(new ClusterView("edge1", List.of(
                new ClusterMember("origin", ClusterMember.ORIGIN, originAddress(), 0, 0, List.of()),
                new ClusterMember("edge1", ClusterMember.EDGE, originAddress(), 0, 0, List.of("live/cam"))),
                1, 10, VALID_SECONDS));
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> paths.resolve("live/cam"));
        assertEquals(0, origin.connections.get());
    }

    @Test
    void withoutAViewNothingIsPulled() throws Exception {
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> paths.resolve("live/cam"));
        assertEquals(0, origin.connections.get());
    }

    @Test
    void aPullStopsItsLingerAfterTheLastViewerLeft() throws Exception {
        cluster.apply(view(List.of("live/cam"), 0));
        Stream stream = pulled();
        StreamReader viewer = stream.openReader();
        cluster.tick(System.nanoTime());
        assertSame(stream, paths.streamAt("live/cam"), "a viewer keeps it");

        viewer.close();
        cluster.tick(System.nanoTime());
        await("the pull stopped", () -> paths.streamAt("live/cam") == null);
        assertTrue(stream.ended());
        assertEquals(List.of(), cluster.livePaths().clusterCopies());
        assertEquals("idle", relays.infos().get(0).state(), "kept for the next viewer while the view names it");

        assertNotNull(pulled(), "the next viewer pulls again");
    }

    @Test
    void aNewViewWithoutTheHolderRemovesAPullNoViewerReads() throws Exception {
        cluster.apply(view(List.of("live/cam"), 10));
        Stream stream = pulled();

        cluster.apply(view(List.of(), 10));
        assertTrue(relays.infos().isEmpty(), "the pull was removed");
        await("the pull's stream gone", () -> paths.streamAt("live/cam") == null);
        assertTrue(stream.ended());
        assertEquals(new LivePaths(List.of(), List.of()), cluster.livePaths());
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> paths.resolve("live/cam"));
    }

    @Test
    void aNewViewWithoutTheHolderKeepsAPullWhileAViewerReadsIt() throws Exception {
        cluster.apply(view(List.of("live/cam"), 10));
        Stream stream = pulled();
        StreamReader viewer = stream.openReader();

        cluster.apply(view(List.of(), 10));
        assertEquals(1, relays.infos().size(), "its viewer keeps it");
        assertSame(stream, paths.streamAt("live/cam"));

        viewer.close();
        cluster.apply(view(List.of(), 10));
        assertTrue(relays.infos().isEmpty(), "removed at the next view once nobody reads it");
        await("the pull's stream gone", () -> paths.streamAt("live/cam") == null);
    }

    /**
     * A stopped relay lets go of its stream on its own thread, a moment later: until then the stream is still
     * another node's copy, never one of this server's originals (which other nodes would pull from).
     */
    @Test
    void aPullThatIsStoppingIsNotReportedAsAnOriginal() throws Exception {
        cluster.apply(view(List.of("live/cam"), 10));
        pulled();
        cluster.apply(view(List.of(), 10));
        assertEquals(List.of(), cluster.livePaths().originals(), "just after the prune");
        await("the pull's stream gone", () -> paths.streamAt("live/cam") == null);
        assertEquals(new LivePaths(List.of(), List.of()), cluster.livePaths());

        cluster.apply(view(List.of("live/cam"), 10));
        pulled();
        cluster.apply(null);
        assertEquals(List.of(), cluster.livePaths().originals(), "just after leaving the cluster");
        await("the pull's stream gone", () -> paths.streamAt("live/cam") == null);
        assertEquals(new LivePaths(List.of(), List.of()), cluster.livePaths());
    }

    @Test
    void leavingTheClusterStopsEveryPull() throws Exception {
        cluster.apply(view(List.of("live/cam"), 10));
        Stream stream = pulled();
        StreamReader viewer = stream.openReader();

        cluster.apply(null);
        assertTrue(relays.infos().isEmpty());
        await("the pull's stream gone", () -> paths.streamAt("live/cam") == null);
        assertTrue(stream.ended());
        while (viewer.poll() != null) {
            // what it had queued before the end
        }
        assertTrue(viewer.finished(), "its viewer was ended");
        assertEquals(new LivePaths(List.of(), List.of()), cluster.livePaths());
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> paths.resolve("live/cam"));
        assertNull(cluster.entry().locationFor("live/cam", "rtsp://h/live/cam", null));
    }

    @Test
    void aViewOlderThanItsValidityIsForgottenAtTheNextTickAndItsPullsStop() throws Exception {
        cluster.apply(view(List.of("live/cam"), 10));
        Stream stream = pulled();
        StreamReader viewer = stream.openReader();

        now.addAndGet(TimeUnit.SECONDS.toNanos(VALID_SECONDS) - 1);
        cluster.tick(System.nanoTime());
        assertSame(stream, paths.streamAt("live/cam"), "still valid");
        assertEquals(1, relays.infos().size());

        now.addAndGet(1);
        cluster.tick(System.nanoTime());
        assertTrue(relays.infos().isEmpty());
        await("the pull's stream gone", () -> paths.streamAt("live/cam") == null);
        assertTrue(stream.ended());
        while (viewer.poll() != null) {
            // what it had queued before the end
        }
        assertTrue(viewer.finished(), "its viewer was ended");
        assertNull(cluster.entry().locationFor("live/cam", "rtsp://h/live/cam", null));
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> paths.resolve("live/cam"));

        cluster.apply(view(List.of("live/cam"), 10));
        assertNotNull(pulled(), "the next view pulls again");
    }

    @Test
    void closeStopsEveryPull() throws Exception {
        cluster.apply(view(List.of("live/cam"), 10));
        Stream stream = pulled();
        cluster.close();
        assertTrue(relays.infos().isEmpty());
        await("the pull's stream gone", () -> paths.streamAt("live/cam") == null);
        assertTrue(stream.ended());
        assertThrows(MediaCatalog.MediaNotFoundException.class, () -> paths.resolve("live/cam"));
    }
}
