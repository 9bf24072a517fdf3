package org.tributary.server;

import org.junit.jupiter.api.Test;
import org.tributary.rtsp.header.Prebuffer;
import org.tributary.rtsp.header.Speed;
import org.tributary.session.Overbuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The instant-on a PLAY gets from the settings, the client's hints and the bandwidth left. */
class InstantOnTest {

    private static final long UNLIMITED = Long.MAX_VALUE;

    @Test
    void theSettingsWithoutHintsOrLimit() {
        assertEquals(new Overbuffer(3_000_000, 4), InstantOn.choose(3, 4, null, null, 1000, UNLIMITED));
    }

    @Test
    void offWhenZeroSecondsOrRealTime() {
        assertEquals(Overbuffer.NONE, InstantOn.choose(0, 4, null, null, 1000, UNLIMITED));
        assertEquals(Overbuffer.NONE, InstantOn.choose(3, 1, null, null, 1000, UNLIMITED));
    }

    @Test
    void aClientsHintsLowerButNeverRaise() {
        assertEquals(new Overbuffer(1_500_000, 2), InstantOn.choose(3, 4, new Speed(2), new Prebuffer(1.5f), 1000,
                UNLIMITED));
        assertEquals(new Overbuffer(3_000_000, 4), InstantOn.choose(3, 4, new Speed(8), new Prebuffer(10), 1000,
                UNLIMITED));
        assertEquals(Overbuffer.NONE, InstantOn.choose(3, 4, null, new Prebuffer(0), 1000, UNLIMITED));
        assertEquals(Overbuffer.NONE, InstantOn.choose(3, 4, new Speed(1), null, 1000, UNLIMITED));
    }

    @Test
    void theBandwidthLeftBoundsTheMultiple() {
        assertEquals(new Overbuffer(3_000_000, 2.5), InstantOn.choose(3, 4, null, null, 1000, 2500));
        assertEquals(Overbuffer.NONE, InstantOn.choose(3, 4, null, null, 1000, 900), "no room for a burst");
        assertEquals(Overbuffer.NONE, InstantOn.choose(3, 4, null, null, 0, 100_000), "unknown rate under a limit");
    }

    @Test
    void theSettingsObjectUsesItsLatestValues() {
        InstantOn instantOn = new InstantOn();
        assertEquals(Overbuffer.NONE, instantOn.choose(null, null, 1000, UNLIMITED), "off until set");
        instantOn.settings(2, 3);
        assertEquals(new Overbuffer(2_000_000, 3), instantOn.choose(null, null, 1000, UNLIMITED));
    }
}
