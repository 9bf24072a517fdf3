package org.tributary.rtsp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RtspUriTest {

    @Test
    void rtspUrisAndAbsolutePathsNameTheirPath() {
        assertEquals("a/b.mp4", RtspUri.path("rtsp://host:8554/a/b.mp4"));
        assertEquals("a/b.mp4", RtspUri.path("RTSPS://host/a/b.mp4"));
        assertEquals("a/b.mp4", RtspUri.path("rtspu://host/a/b.mp4"));
        assertEquals("a/b.mp4", RtspUri.path("/a/b.mp4"));
        assertEquals("a b.mp4", RtspUri.path("/a%20b.mp4"));
        assertEquals("", RtspUri.path("*"));
        assertEquals("", RtspUri.path("rtsp://host:8554"));
    }

    @Test
    void otherSchemesAndRelativeReferencesAreMalformed() {
        assertThrows(IllegalArgumentException.class, () -> RtspUri.path("http://host/a.mp4"));
        assertThrows(IllegalArgumentException.class, () -> RtspUri.path("file:///etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> RtspUri.path("a.mp4"));
        assertThrows(IllegalArgumentException.class, () -> RtspUri.path("rtsp:a.mp4"));
        assertThrows(IllegalArgumentException.class, () -> RtspUri.path("rtsp://host/a b.mp4"));
    }

    @Test
    void httpRequestLinesTakeHttpUris() {
        assertEquals("a.mp3", RtspUri.httpPath("/a.mp3"));
        assertEquals("a.mp3", RtspUri.httpPath("http://host/a.mp3"));
        assertThrows(IllegalArgumentException.class, () -> RtspUri.httpPath("rtsp://host/a.mp3"));
        assertThrows(IllegalArgumentException.class, () -> RtspUri.httpPath("a.mp3"));
    }
}
