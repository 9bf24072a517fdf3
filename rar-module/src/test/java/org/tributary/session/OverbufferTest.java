package org.tributary.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Send times of an instant-on PLAY: fast for the first seconds, then real time with the lead kept. */
class OverbufferTest {

    @Test
    void theFirstSecondsGoOutFasterThenRealTimeKeepingTheLead() {
        Overbuffer threeSecondsAtFour = new Overbuffer(3_000_000, 4);
        assertEquals(0, threeSecondsAtFour.sendMicros(0));
        assertEquals(250_000, threeSecondsAtFour.sendMicros(1_000_000));
        assertEquals(750_000, threeSecondsAtFour.sendMicros(3_000_000), "3 s of media in 0.75 s");
        assertEquals(2_250_000, threeSecondsAtFour.leadMicros());
        assertEquals(1_750_000, threeSecondsAtFour.sendMicros(4_000_000), "then one second per second");
        assertEquals(57_750_000, threeSecondsAtFour.sendMicros(60_000_000));
    }

    @Test
    void sendTimesNeverGoBack() {
        Overbuffer burst = new Overbuffer(2_000_000, 3);
        long previous = -1;
        for (long media = 0; media <= 5_000_000; media += 40_000) {
            long send = burst.sendMicros(media);
            assertTrue(send >= previous, "at " + media);
            assertTrue(send <= media, "never later than real time at " + media);
            previous = send;
        }
    }

    @Test
    void noneAndRealTimeMultipleAreRealTime() {
        assertFalse(Overbuffer.NONE.bursts());
        assertEquals(1_234_567, Overbuffer.NONE.sendMicros(1_234_567));
        assertEquals(1_234_567, new Overbuffer(3_000_000, 1).sendMicros(1_234_567));
        assertEquals(0, new Overbuffer(3_000_000, 1).leadMicros());
    }

    @Test
    void limitsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Overbuffer(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Overbuffer(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Overbuffer(1, Double.NaN));
    }
}
