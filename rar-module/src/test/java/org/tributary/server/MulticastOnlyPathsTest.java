package org.tributary.server;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MulticastOnlyPathsTest {

    @Test
    void aPrefixCoversItselfItsSdpAndItsSubPathsButNotLongerNames() {
        MulticastOnlyPaths only = MulticastOnlyPaths.parse(" /live/allhands/ , live/town");
        assertEquals(List.of("live/allhands", "live/town"), only.prefixes());
        assertTrue(only.covers("live/allhands"));
        assertTrue(only.covers("live/allhands.sdp"));
        assertTrue(only.covers("live/allhands/cam1.sdp"));
        assertTrue(only.covers("live/town.sdp"));
        assertFalse(only.covers("live/allhandsx.sdp"));
        assertFalse(only.covers("live/cam.sdp"));
        assertFalse(only.covers("live"));
    }

    @Test
    void noneOrBlankIsNone() {
        assertEquals(MulticastOnlyPaths.NONE, MulticastOnlyPaths.parse("  "));
        assertEquals(MulticastOnlyPaths.NONE, MulticastOnlyPaths.parse(" None"));
        assertFalse(MulticastOnlyPaths.NONE.covers("live/allhands.sdp"));
    }

    @Test
    void emptyOrDottedEntriesAreRefusedByName() {
        String why = assertThrows(IllegalArgumentException.class, () -> MulticastOnlyPaths.parse("live/a,,live/b"))
                .getMessage();
        assertTrue(why.contains("empty path"), why);
        why = assertThrows(IllegalArgumentException.class, () -> MulticastOnlyPaths.parse("live/../etc")).getMessage();
        assertTrue(why.contains("'live/../etc' is not a plain path"), why);
        assertThrows(IllegalArgumentException.class, () -> MulticastOnlyPaths.parse("live//a"));
    }
}
