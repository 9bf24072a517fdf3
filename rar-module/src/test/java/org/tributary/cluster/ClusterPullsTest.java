package org.tributary.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.ClusterMember;
import org.tributary.api.ClusterView;
import org.tributary.api.RelayInfo;
import org.tributary.catalog.MediaCatalog;
import org.tributary.relay.FakeRtspServer;
import org.tributary.relay.Relays;
import org.tributary.stream.PathRegistry;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which node a path is pulled from, and the URL it is pulled with. */
class ClusterPullsTest {

    @TempDir
    Path root;
    private PathRegistry paths;
    private Relays relays;
    private final CurrentView current = new CurrentView(() -> TimeUnit.HOURS.toNanos(1));
    private ClusterPulls pulls;
    private FakeRtspServer first;
    private FakeRtspServer second;

    @BeforeEach
    void setUp() throws Exception {
        paths = new PathRegistry(new MediaCatalog(root));
        relays = Relays.standard(paths, null, 4, (name, loop) -> {
            Thread thread = new Thread(loop, name);
            thread.setDaemon(true);
            thread.start();
        });
        pulls = new ClusterPulls(current, paths, relays);
        paths.onDemand(pulls);
        first = new FakeRtspServer(null);
        second = new FakeRtspServer(null);
    }

    @AfterEach
    void tearDown() throws Exception {
        pulls.stopAll();
        first.close();
        second.close();
    }

    private static String address(FakeRtspServer server) {
        return URI.create(server.url("")).getRawAuthority();
    }

    private static ClusterMember member(String name, String role, String address, int sessions, String... paths) {
        return new ClusterMember(name, role, address, sessions, 0, List.of(paths));
    }

    private static ClusterMember self() {
        return member("self", ClusterMember.EDGE, "127.0.0.1:9", 0);
    }

    private void pull() throws Exception {
        assertInstanceOf(PathRegistry.StreamEntry.class, paths.resolve("live/cam"));
    }

    @Test
    void theOriginIsPreferredOverALessLoadedEdge() throws Exception {
        current.apply(new ClusterView("self", List.of(self(),
                member("edge2", ClusterMember.EDGE, address(second), 0, "live/cam"),
                member("origin", ClusterMember.ORIGIN, address(first), 900, "live/cam")), 1, 10, 5));
        pull();
        assertEquals(1, first.connections.get());
        assertEquals(0, second.connections.get());
        assertEquals(first.url("live/cam"), relays.infos().get(0).url());
    }

    @Test
    void withoutTheOriginTheLeastLoadedHolderIsPulledFrom() throws Exception {
        current.apply(new ClusterView("self", List.of(self(),
                member("edge2", ClusterMember.EDGE, address(first), 40, "live/cam"),
                member("edge3", ClusterMember.EDGE, address(second), 7, "live/cam")), 1, 10, 5));
        pull();
        assertEquals(0, first.connections.get());
        assertEquals(1, second.connections.get());
    }

    @Test
    void aPullWhoseHolderMovedIsRepointedUnderTheSameRelay() throws Exception {
        current.apply(new ClusterView("self", List.of(self(),
                member("origin", ClusterMember.ORIGIN, address(first), 0, "live/cam")), 1, 0, 5));
        pull();
        relays.tick(System.nanoTime()); // no viewer, no linger: the pull stops and its relay waits, idle
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (paths.streamAt("live/cam") != null) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for the pull to stop");
            Thread.sleep(20);
        }
        assertEquals(List.of(), pulls.copies());

        current.apply(new ClusterView("self", List.of(self(),
                member("origin", ClusterMember.ORIGIN, address(first), 0),
                member("edge2", ClusterMember.EDGE, address(second), 0, "live/cam")), 1, 0, 5));
        pull();
        List<RelayInfo> infos = relays.infos();
        assertEquals(1, infos.size(), "the same relay, repointed");
        assertEquals("cluster-1", infos.get(0).name());
        assertEquals(second.url("live/cam"), infos.get(0).url());
        assertEquals(1, second.connections.get());
        assertEquals(List.of("live/cam"), pulls.copies());
    }

    @Test
    void theUrlEscapesEachSegmentOfThePath() {
        ClusterMember node = member("n", ClusterMember.EDGE, "10.0.0.2:8554", 0);
        assertEquals("rtsp://10.0.0.2:8554/live/cam", ClusterPulls.urlOf(node, "live/cam"));
        assertEquals("rtsp://10.0.0.2:8554/live/my%20cam.sdp", ClusterPulls.urlOf(node, "live/my cam.sdp"));
        assertEquals("rtsp://10.0.0.2:8554/live/a%3Fb%23c", ClusterPulls.urlOf(node, "live/a?b#c"),
                "a ? or # in a name is part of the path, not a query or fragment");
        assertEquals("rtsp://10.0.0.2:8554/live/100%25", ClusterPulls.urlOf(node, "live/100%"));
        assertEquals("rtsp://10.0.0.2:8554/live/caf%C3%A9", ClusterPulls.urlOf(node, "live/café"));
        assertEquals("rtsp://node.example:554/live/cam",
                ClusterPulls.urlOf(member("n", ClusterMember.EDGE, "node.example", 0), "live/cam"),
                "without a port: RTSP's own");
    }

    @Test
    void theUrlOfAnIpv6NodeHasItsAddressInBracketsOnce() {
        assertEquals("rtsp://[2001:db8::2]:8554/live/my%20cam",
                ClusterPulls.urlOf(member("n", ClusterMember.EDGE, "[2001:db8::2]:8554", 0), "live/my cam"));
        assertEquals("rtsp://[::1]:554/live/cam",
                ClusterPulls.urlOf(member("n", ClusterMember.EDGE, "[::1]", 0), "live/cam"),
                "without a port the last colon is inside the brackets");
    }
}
