package org.tributary.web.console.cluster;

import org.junit.jupiter.api.Test;
import org.tributary.ejb.cluster.NodeStatus;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A node of the Cluster page for people: state, last heard, rate, CPU, live paths. */
class ClusterNodeRowTest {

    private static final Instant T = Instant.parse("2026-12-05T20:00:00Z");

    @Test
    void anAliveNode() {
        NodeRow row = new NodeRow(new NodeStatus("origin", "origin", "10.0.0.1:8554", true, 1, T, 4, 2_500_000, 0.423,
                List.of("live/cam1.sdp", "radio.mp3"), List.of()), true, List.of());
        assertEquals("origin", row.name());
        assertEquals("alive", row.state());
        assertEquals("last heard 1 s ago", row.lastHeard());
        assertEquals("2.5 Mbit/s", row.bitrate());
        assertEquals("42 %", row.cpu());
        assertEquals("live/cam1.sdp, radio.mp3", row.originals());
        assertEquals("—", row.copies());
    }

    @Test
    void aDeadNodeWithAnUnknownCpu() {
        NodeRow row = new NodeRow(new NodeStatus("edge2", "edge", "10.0.0.3:8554", false, 9, T, 0, 350_000, -1,
                List.of(), List.of("live/cam1.sdp")), false, List.of());
        assertEquals("dead", row.state());
        assertEquals("last heard 9 s ago", row.lastHeard());
        assertEquals("350 kbit/s", row.bitrate());
        assertEquals("—", row.cpu());
        assertEquals("live/cam1.sdp", row.copies());
    }
}
