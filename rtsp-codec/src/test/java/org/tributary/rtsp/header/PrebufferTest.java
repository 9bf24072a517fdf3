package org.tributary.rtsp.header;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** x-Prebuffer (Darwin, QuickTime): maxtime in seconds, other parameters ignored. */
class PrebufferTest {

    @Test
    void parsesMaxtimeAmongOtherParameters() {
        assertEquals(3.0f, Prebuffer.parse("maxtime=3.0").maxTimeSeconds());
        assertEquals(1.5f, Prebuffer.parse("foo=1; MaxTime = 1.5").maxTimeSeconds());
        assertEquals(0f, Prebuffer.parse("maxtime=0").maxTimeSeconds());
    }

    @Test
    void formatsCanonically() {
        assertEquals("maxtime=2.0", new Prebuffer(2).format());
        assertEquals("maxtime=0.5", Prebuffer.parse("maxtime=.5").format());
    }

    @Test
    void refusesWhatIsNoMaxtime() {
        assertEquals("x-Prebuffer", assertThrows(HeaderParseException.class, () -> Prebuffer.parse("size=10")).header());
        assertThrows(HeaderParseException.class, () -> Prebuffer.parse("maxtime=-1"));
        assertThrows(HeaderParseException.class, () -> Prebuffer.parse("maxtime=abc"));
        assertThrows(HeaderParseException.class, () -> Prebuffer.parse("maxtime="));
    }
}
