package org.tributary.ejb.cluster;

import org.junit.jupiter.api.Test;
import org.tributary.api.ClusterMember;
import org.tributary.api.ClusterView;
import org.tributary.ejb.adapter.ClusterRole;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From the shared table's rows to the adapter's view: the alive cut by the database's clock, totals, membership. */
class ClusterViewsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T20:00:00Z");
    private static final ClusterSettings EDGE1 = new ClusterSettings(ClusterRole.EDGE, "edge1", null, 2, 8, 10, 30);

    private static NodeStatus row(String name, String role, int secondsAgo, int sessions, long bits, List<String> originals) {
        ClusterNodeRecord r = new ClusterNodeRecord(name, NOW.minusSeconds(3600));
        r.report(new NodeReport(name, role, name + ".example.org:8554", sessions, bits, 0.25, originals,
                List.of("copied/" + name), "[]", sessions), NOW.minusSeconds(secondsAgo));
        return NodeStatus.of(r, NOW, EDGE1.deadAfterSeconds());
    }

    @Test
    void aNodeIsAliveUntilTheDeadAfterTimeHasPassedByTheDatabasesClock() {
        NodeStatus justInTime = row("edge2", "edge", 8, 0, 0, List.of());
        NodeStatus late = row("edge3", "edge", 9, 0, 0, List.of());
        assertTrue(justInTime.alive());
        assertEquals(8, justInTime.lastHeardSeconds());
        assertFalse(late.alive());
        assertEquals(9, late.lastHeardSeconds());
        NodeStatus ahead = row("edge4", "edge", -1, 0, 0, List.of());
        assertTrue(ahead.alive(), "written a moment after the snapshot's now");
        assertEquals(0, ahead.lastHeardSeconds());
    }

    @Test
    void theViewHoldsTheAliveNodesWithTheSettings() {
        List<NodeStatus> nodes = List.of(
                row("edge1", "edge", 0, 3, 3_000_000, List.of()),
                row("edge2", "edge", 20, 1, 1_000_000, List.of()),
                row("origin", "origin", 1, 2, 4_000_000, List.of("live/cam1.sdp", "radio.mp3")));
        ClusterView view = ClusterViews.of(EDGE1, nodes);
        assertEquals(new ClusterView("edge1", List.of(
                new ClusterMember("edge1", "edge", "edge1.example.org:8554", 3, 3_000_000, List.of()),
                new ClusterMember("origin", "origin", "origin.example.org:8554", 2, 4_000_000,
                        List.of("live/cam1.sdp", "radio.mp3"))), 10, 30, 16), view);
        assertEquals("edge1", view.selfMember().name());
        assertEquals(List.of("copied/origin"), nodes.get(2).copyPaths());
        assertEquals(new Totals(2, 5, 7_000_000), Totals.of(nodes), "the dead edge2 is not counted");
    }

    @Test
    void pathsAreStoredOneALineAsManyWholeOnesAsFit() {
        assertEquals("a\nbb", ClusterNodeRecord.lines(List.of("a", "bb", "ccc"), 5));
        assertEquals(List.of("a", "bb"), ClusterNodeRecord.paths("a\nbb"));
        assertEquals(List.of(), ClusterNodeRecord.paths(""));
        assertEquals(List.of(), ClusterNodeRecord.paths(null));
    }

    @Test
    void membershipSaysWhoIsAliveFirstThenWhoJoinedAndWhoLeft() {
        Membership membership = new Membership();
        assertEquals(List.of("cluster nodes alive: edge1 (edge), origin (origin)"), membership.changes(List.of(
                row("edge1", "edge", 0, 0, 0, List.of()), row("origin", "origin", 1, 0, 0, List.of()))));
        assertEquals(List.of(), membership.changes(List.of(
                row("edge1", "edge", 0, 0, 0, List.of()), row("origin", "origin", 1, 0, 0, List.of()))));
        assertEquals(List.of("cluster node edge2 joined"), membership.changes(List.of(
                row("edge1", "edge", 0, 0, 0, List.of()), row("edge2", "edge", 0, 0, 0, List.of()),
                row("origin", "origin", 1, 0, 0, List.of()))));
        assertEquals(List.of("cluster node edge2 left (last heard 9 s ago)", "cluster node origin left (stopped)"),
                membership.changes(List.of(row("edge1", "edge", 0, 0, 0, List.of()),
                        row("edge2", "edge", 9, 0, 0, List.of()))));
    }
}
