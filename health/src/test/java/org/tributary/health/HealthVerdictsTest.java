package org.tributary.health;

import org.junit.jupiter.api.Test;
import org.tributary.api.AdapterMetrics;
import org.tributary.api.LatencyDistribution;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthVerdictsTest {

    private static AdapterMetrics adapter(Map<String, Integer> listeners, int loops, int running) {
        LatencyDistribution none = new LatencyDistribution(LatencyDistribution.UPPER_BOUNDS_SECONDS,
                LatencyDistribution.UPPER_BOUNDS_SECONDS.stream().map(b -> 0L).toList(), 0, 0);
        return new AdapterMetrics(Instant.EPOCH, listeners, loops, running, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Map.of(), 0, none, none, none, 0, 0, 0);
    }

    @Test
    void readyWithTheListenersBoundAndTheDatabaseAnswering() {
        HealthVerdict v = HealthVerdicts.readiness(adapter(Map.of("rtsp", 8554, "rtsps", 8322), 2, 2), null, null);
        assertTrue(v.up());
        assertEquals("listening", v.data().get("adapter"));
        assertEquals(8554, v.data().get("rtsp-port"));
        assertEquals(8322, v.data().get("rtsps-port"));
        assertEquals("answering", v.data().get("database"));
    }

    @Test
    void notReadyWhileTheAdapterCannotBeReached() {
        HealthVerdict v = HealthVerdicts.readiness(null, "the streaming adapter is not available: not started", null);
        assertFalse(v.up());
        assertEquals("the streaming adapter is not available: not started", v.data().get("adapter"));
    }

    @Test
    void notReadyWithoutABoundRtspListener() {
        HealthVerdict v = HealthVerdicts.readiness(adapter(Map.of("rtsp", 0), 2, 2), null, null);
        assertFalse(v.up());
        assertEquals("the RTSP listener is not bound", v.data().get("adapter"));
    }

    @Test
    void notReadyWhenTheDatabaseDoesNotAnswer() {
        HealthVerdict v = HealthVerdicts.readiness(adapter(Map.of("rtsp", 8554), 2, 2), null, "not answering: closed");
        assertFalse(v.up());
        assertEquals("not answering: closed", v.data().get("database"));
        assertEquals(List.of("adapter", "rtsp-port", "database"), List.copyOf(v.data().keySet()));
    }

    @Test
    void liveUnlessASenderLoopStopped() {
        assertTrue(HealthVerdicts.liveness(adapter(Map.of("rtsp", 8554), 2, 2), null).up());
        HealthVerdict dead = HealthVerdicts.liveness(adapter(Map.of("rtsp", 8554), 2, 1), null);
        assertFalse(dead.up());
        assertEquals(1, dead.data().get("sender-loops-running"));
        assertTrue(HealthVerdicts.liveness(null, "not started").up(), "an unreachable adapter is readiness's concern");
    }
}
