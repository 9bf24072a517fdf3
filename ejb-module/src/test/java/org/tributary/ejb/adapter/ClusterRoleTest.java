package org.tributary.ejb.adapter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console's confirmation of a relay or channel change says, on an edge, when the origin applies it. */
class ClusterRoleTest {

    @Test
    void anEdgeSaysTheOriginAppliesTheChangeAtItsNextHeartbeat() {
        assertEquals("Saved relay 'cam1'; the origin applies it at its next heartbeat.",
                ClusterRole.EDGE.confirm("Saved relay 'cam1'"));
        assertEquals("Saved relay 'cam1'.", ClusterRole.ORIGIN.confirm("Saved relay 'cam1'"));
        assertEquals("Stopped radio.", ClusterRole.SINGLE.confirm("Stopped radio"));
    }

    @Test
    void aChangeDescribesWhatChanged() {
        assertEquals("relay 'cam1'", StoredDefinitionChanged.relay("cam1").describe());
        assertEquals("channel 'radio'", StoredDefinitionChanged.channel("radio").describe());
    }
}
