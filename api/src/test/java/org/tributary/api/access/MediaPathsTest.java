package org.tributary.api.access;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaPathsTest {

    @Test
    void everySpellingOfAPathHasOneCanonicalForm() {
        for (String spelling : new String[]{"movies/private/a.mp4", "/movies/private/a.mp4", "movies//private/a.mp4",
                "movies/./private/a.mp4", "movies/x/../private/a.mp4", "movies/private/a.mp4/", "//movies///private//a.mp4//",
                "./movies/private/./a.mp4", "movies/private/x/y/../../a.mp4"}) {
            assertEquals("movies/private/a.mp4", MediaPaths.normalize(spelling), spelling);
        }
        assertEquals("", MediaPaths.normalize(""));
        assertEquals("", MediaPaths.normalize("/./a/.."));
        assertEquals("...", MediaPaths.normalize("..."), "three dots are a name");
        assertEquals("a/..b", MediaPaths.normalize("a/..b"));
        assertEquals("100% pure.mp4", MediaPaths.normalize("100% pure.mp4"), "a percent sign without hex digits is a name");
    }

    @Test
    void climbingAboveTheRootIsRefusedAsLeavingIt() {
        for (String path : new String[]{"..", "../a.mp4", "a/../../b.mp4", "/a/./../../etc/passwd"}) {
            MediaPaths.BadPathException e = assertThrows(MediaPaths.BadPathException.class, () -> MediaPaths.normalize(path));
            assertTrue(e.leavesRoot(), path);
        }
    }

    @Test
    void malformedPathsHaveNoCanonicalForm() {
        for (String path : new String[]{"a\0.mp4", "a\\..\\b.mp4", "a\r\nb", "movies/%2e%2e/b.mp4", "movies%2Fprivate/a.mp4",
                "a%2e.mp4", "bad\uFFFD.mp4", "a\u007f"}) {
            MediaPaths.BadPathException e = assertThrows(MediaPaths.BadPathException.class, () -> MediaPaths.normalize(path),
                    path);
            assertFalse(e.leavesRoot(), path);
        }
    }

    @Test
    void logLinesGetPrintableText() {
        assertEquals("a?b", MediaPaths.printable("a\nb"));
        assertEquals(203, MediaPaths.printable("x".repeat(500)).length());
    }

    @Test
    void urlPathEncodesEachSegmentAndKeepsTheSlashes() {
        assertEquals("movies/a.mp4", MediaPaths.urlPath("movies/a.mp4"));
        assertEquals("my%20movies/caf%C3%A9%2B1.mp4", MediaPaths.urlPath("my movies/café+1.mp4"));
        assertEquals("a%3Fb/c%23d.mp4", MediaPaths.urlPath("a?b/c#d.mp4"));
        assertEquals("live/cam%25201.sdp", MediaPaths.urlPath("live/cam%201.sdp"));
    }

    @Test
    void urlComponentEncodesSlashesAndSpacesNeverAsPlus() {
        assertEquals("a%2Fb%20c%2Bd", MediaPaths.urlComponent("a/b c+d"));
        assertEquals("x-_.%7E", MediaPaths.urlComponent("x-_.~"), "URLEncoder escapes the tilde, which is harmless");
    }
}
