package org.tributary.cluster;

import org.junit.jupiter.api.Test;
import org.tributary.api.ClusterMember;
import org.tributary.api.ClusterView;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClusterEntryTest {

    private static final String URI = "rtsp://entry.example:554/live/cam";

    /** A nano clock the test moves. */
    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(5));
    private final AtomicInteger localSessions = new AtomicInteger();
    private final CurrentView current = new CurrentView(now::get);
    private final ClusterEntry entry = new ClusterEntry(current, localSessions::get);

    private static ClusterMember origin(String name, int sessions) {
        return new ClusterMember(name, ClusterMember.ORIGIN, name + ".example:8554", sessions, 0, List.of());
    }

    private static ClusterMember edge(String name, int sessions) {
        return new ClusterMember(name, ClusterMember.EDGE, name + ".example:8554", sessions, 0, List.of());
    }

    private static ClusterView view(String self, int margin, ClusterMember... members) {
        return new ClusterView(self, List.of(members), margin, 10, 5);
    }

    private String describe(String uri) {
        return entry.locationFor("live/cam", uri, "VLC/3.0.20 LibVLC/3.0.20");
    }

    @Test
    void withoutAViewEverythingIsServedHere() {
        assertNull(describe(URI));
        current.apply(null);
        assertNull(describe(URI));
    }

    @Test
    void aSingleNodeServesEverything() {
        current.apply(view("o", 1, origin("o", 0)));
        assertNull(describe(URI));
        current.apply(view("e", 1, edge("e", 50)));
        assertNull(describe(URI), "an edge alone has no other edge to send to");
    }

    @Test
    void theOriginSendsADescribeToTheLeastLoadedEdgeKeepingPathAndQuery() {
        current.apply(view("o", 1, origin("o", 0), edge("e1", 5), edge("e2", 2)));
        assertEquals("rtsp://e2.example:8554/live/cam?token=a%20b&x=1",
                describe("rtsp://entry.example:554/live/cam?token=a%20b&x=1"));
        assertEquals("rtsp://e2.example:8554/live/my%20cam.sdp", describe("rtsp://10.0.0.1/live/my%20cam.sdp"));
    }

    @Test
    void theOriginRedirectsEvenWhenItIsIdleAndTheEdgesAreBusy() {
        localSessions.set(0);
        current.apply(view("o", 100, origin("o", 0), edge("e1", 500)));
        assertEquals("rtsp://e1.example:8554/live/cam", describe(URI), "the origin hands every viewer to an edge");
    }

    @Test
    void aBurstOfRedirectsSpreadsOverTheEdgesByTheSessionsSentSinceTheView() {
        ClusterView view = view("o", 1, origin("o", 0), edge("e1", 3), edge("e2", 1));
        current.apply(view);
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hosts.add(java.net.URI.create(describe(URI)).getHost());
        }
        // e2 catches up with e1 (1+2 = 3), then they alternate (ties go to the first in the view).
        assertEquals(List.of("e2.example", "e2.example", "e1.example", "e2.example", "e1.example", "e2.example",
                "e1.example", "e2.example", "e1.example", "e2.example"), hosts);
        assertEquals(3 + 4, current.estimatedSessions(view.members().get(1)));
        assertEquals(1 + 6, current.estimatedSessions(view.members().get(2)));

        current.apply(view);
        assertEquals("rtsp://e2.example:8554/live/cam", describe(URI), "a new view starts the count afresh");
        assertEquals(2, current.estimatedSessions(view.members().get(2)));
    }

    @Test
    void anEdgeRedirectsOnlyWhenAnotherEdgeHasAtLeastTheMarginFewerSessions() {
        localSessions.set(10);
        // The origin (0 sessions) is never a target of an edge.
        current.apply(view("e1", 3, origin("o", 0), edge("e1", 10), edge("e2", 8)));
        assertNull(describe(URI), "10 - 8 is within the margin of 3");

        current.apply(view("e1", 3, origin("o", 0), edge("e1", 10), edge("e2", 7)));
        assertEquals("rtsp://e2.example:8554/live/cam", describe(URI), "10 - 7 reaches the margin");
        assertNull(describe(URI), "the one just sent counts: 10 - 8 is within the margin again");

        localSessions.set(11);
        assertEquals("rtsp://e2.example:8554/live/cam", describe(URI), "this node's own count is read now");
    }

    @Test
    void aMarginBelowOneIsOne() {
        localSessions.set(5);
        current.apply(view("e1", 0, edge("e1", 5), edge("e2", 5)));
        assertNull(describe(URI), "an equally loaded edge does not take the viewer");
        current.apply(view("e1", -3, edge("e1", 5), edge("e2", 4)));
        assertEquals("rtsp://e2.example:8554/live/cam", describe(URI));
    }

    @Test
    void anotherNodesRelayIsNeverRedirected() {
        current.apply(view("o", 1, origin("o", 0), edge("e1", 0)));
        assertNull(entry.locationFor("live/cam", URI, ClusterEntry.RELAY_AGENT));
        assertNull(entry.locationFor("live/cam", URI, "Tributary relay"));
        assertEquals("rtsp://e1.example:8554/live/cam", entry.locationFor("live/cam", URI, null),
                "a player without a User-Agent is redirected");
        assertEquals(1, current.estimatedSessions(edge("e1", 0)), "only the player's redirect was counted");
    }

    @Test
    void onlyPlainRtspUrisAreRedirected() {
        current.apply(view("o", 1, origin("o", 0), edge("e1", 0)));
        assertNull(describe("rtsps://entry.example:322/live/cam"), "rtsps stays on this server's TLS port");
        assertNull(describe("/live/cam"), "a URI without an authority");
        assertNull(describe("rtsp://bad host/live/cam"), "a URI that does not parse");
        assertEquals(0, current.estimatedSessions(edge("e1", 0)), "nothing was sent");
        assertEquals("RTSP://e1.example:8554/live/cam", describe("RTSP://entry.example/live/cam"),
                "the scheme is matched without regard to case and kept as sent");
    }

    @Test
    void aViewOlderThanItsValiditySendsNothingAnyMore() {
        current.apply(view("o", 1, origin("o", 0), edge("e1", 0)));
        now.addAndGet(TimeUnit.SECONDS.toNanos(5) - 1);
        assertEquals("rtsp://e1.example:8554/live/cam", describe(URI), "still valid just before its 5 seconds");
        now.addAndGet(1);
        assertNull(describe(URI), "expired after 5 seconds");
        assertEquals(true, current.expired());
    }

    @Test
    void aViewThatDoesNotNameThisNodeIsNoView() {
        current.apply(view("ghost", 1, origin("o", 0), edge("e1", 0), edge("e2", 0)));
        assertNull(current.view());
        assertNull(describe(URI));
    }

    @Test
    void theLocationOfAnIpv6EdgeKeepsItsBrackets() {
        current.apply(new ClusterView("o", List.of(origin("o", 0), new ClusterMember("e6", ClusterMember.EDGE,
                "[2001:db8::6]:8554", 0, 0, List.of())), 1, 10, 5));
        assertEquals("rtsp://[2001:db8::6]:8554/live/cam?x=1", describe("rtsp://[2001:db8::1]:554/live/cam?x=1"));
    }
}
