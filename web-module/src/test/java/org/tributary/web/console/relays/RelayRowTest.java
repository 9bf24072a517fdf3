package org.tributary.web.console.relays;

import org.junit.jupiter.api.Test;
import org.tributary.api.RelayDefinition;
import org.tributary.api.RelayInfo;
import org.tributary.ejb.relays.RelaySpec;
import org.tributary.ejb.relays.RelayStatus;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class RelayRowTest {

    private static final Instant T = Instant.parse("2026-12-05T20:00:00Z");
    private static final RelaySpec PUSH = new RelaySpec("out", RelayDefinition.Direction.PUSH, "studio/main.sdp",
            "rtsp://cdn.example.org/in", "pusher", "secret pw", "udp", true, 30, true);

    @Test
    void aRunningPushRelayShowsItsStateRateAndErrorTime() {
        RelayInfo info = new RelayInfo("out", RelayDefinition.Direction.PUSH, "studio/main.sdp", "rtsp://cdn.example.org/in",
                "udp", "always", "waiting", 1_450_000, 0, 2, null, "no stream at studio/main.sdp", T, null);
        RelayRow row = RelayRow.of(new RelayStatus(PUSH, true, info, T, T), ZoneOffset.UTC);
        assertEquals("push", row.direction());
        assertEquals("/studio/main.sdp", row.path());
        assertEquals("→", row.arrow());
        assertEquals("always", row.mode());
        assertEquals("waiting", row.state());
        assertEquals("1.5 Mbit/s", row.bitRate());
        assertEquals("2026-12-05 20:00:00", row.lastErrorAt());
        assertFalse(row.toString().contains("secret pw"));
    }

    @Test
    void aRelayTheAdapterDoesNotRunHasNoRate() {
        RelayRow row = RelayRow.of(new RelayStatus(PUSH.withEnabled(false), true, null, T, T), ZoneOffset.UTC);
        assertEquals("disabled", row.state());
        assertEquals("—", row.bitRate());
        assertEquals("always", row.mode(), "a push relay is never on demand");
        assertNull(row.lastError());
        assertEquals("850 kbit/s", RelayRow.bitRate(849_600, true));
        assertEquals("0 kbit/s", RelayRow.bitRate(0, true));
    }
}
