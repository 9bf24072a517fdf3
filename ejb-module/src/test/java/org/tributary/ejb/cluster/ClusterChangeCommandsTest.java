package org.tributary.ejb.cluster;

import org.junit.jupiter.api.Test;
import org.tributary.ejb.adapter.StoredDefinitionChanged;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A relay or channel changed on an edge: which nodes get a command, and what the command row holds. */
class ClusterChangeCommandsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T20:00:00Z");

    private static NodeStatus node(String name, String role, boolean alive) {
        return new NodeStatus(name, role, name + ":8554", alive, alive ? 1 : 30, NOW, 0, 0, 0, List.of(), List.of());
    }

    @Test
    void onlyAliveOriginsAreTold() {
        List<NodeStatus> nodes = List.of(node("edge1", "edge", true), node("edge2", "edge", true),
                node("old-origin", "origin", false), node("origin", "origin", true));
        assertEquals(List.of("origin"), DefinitionChanges.origins(nodes));
    }

    @Test
    void noOriginAliveMeansNoCommand() {
        assertEquals(List.of(), DefinitionChanges.origins(List.of(node("edge1", "edge", true),
                node("origin", "origin", false))));
        assertEquals(List.of(), DefinitionChanges.origins(List.of()));
    }

    @Test
    void aChangeCommandNamesItsSubjectAndLeavesTheSessionEmpty() {
        ClusterCommand relay = ClusterCommand.changed("origin", StoredDefinitionChanged.relay("cam1"), "edge1", NOW);
        assertEquals(ClusterCommand.Action.RELAY_CHANGED, relay.getAction());
        assertEquals("cam1", relay.getSubject());
        assertNull(relay.getSessionId());
        assertEquals("origin", relay.getNode());
        assertEquals("edge1", relay.getRequestedBy());
        assertEquals(NOW, relay.getRequestedAt());
        assertNull(relay.getDoneAt());

        ClusterCommand channel = ClusterCommand.changed("origin", StoredDefinitionChanged.channel("radio"), "edge2", NOW);
        assertEquals(ClusterCommand.Action.CHANNEL_CHANGED, channel.getAction());
        assertEquals("radio", channel.getSubject());
    }

    @Test
    void anEndSessionCommandKeepsItsSessionAndHasNoSubject() {
        ClusterCommand end = ClusterCommand.endSession("edge2", "4711", "admin", NOW);
        assertEquals(ClusterCommand.Action.END_SESSION, end.getAction());
        assertEquals("4711", end.getSessionId());
        assertNull(end.getSubject());
    }

    @Test
    void everyActionFitsItsColumnAndEachKindHasOne() {
        for (ClusterCommand.Action action : ClusterCommand.Action.values()) {
            assertTrue(action.name().length() <= 16, action.name());
        }
        assertEquals(ClusterCommand.Action.RELAY_CHANGED, ClusterCommand.Action.changed(StoredDefinitionChanged.Kind.RELAY));
        assertEquals(ClusterCommand.Action.CHANNEL_CHANGED,
                ClusterCommand.Action.changed(StoredDefinitionChanged.Kind.CHANNEL));
    }

    @Test
    void aLongOutcomeIsCutToTheColumn() {
        ClusterCommand c = ClusterCommand.changed("origin", StoredDefinitionChanged.channel("radio"), "edge1", NOW);
        c.done("channel radio was refused by the server: " + "x".repeat(400), NOW.plusSeconds(2));
        assertEquals(ClusterCommand.OUTCOME_LENGTH, c.getOutcome().length());
        assertTrue(c.getOutcome().startsWith("channel radio was refused by the server: xxx"));
        assertTrue(c.getOutcome().endsWith("…"));
        assertEquals(NOW.plusSeconds(2), c.getDoneAt());

        c.done("relay cam1 removed", NOW);
        assertEquals("relay cam1 removed", c.getOutcome());
    }
}
