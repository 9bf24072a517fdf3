package org.tributary.live.local;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The command's placeholders become the server's RTSP address and the path when it starts. */
class BroadcasterDefinitionTest {

    @Test
    void placeholdersAreReplacedInsideArguments() {
        BroadcasterDefinition d = new BroadcasterDefinition("cam", "/live/cam.sdp",
                List.of("ffmpeg", "-i", "/dev/video0", "-f", "rtsp", "{url}", "rtsp://u:p@{host}:{port}{path}"),
                StartMode.ON_DEMAND, 10, 15);
        assertEquals(List.of("ffmpeg", "-i", "/dev/video0", "-f", "rtsp", "rtsp://127.0.0.1:8554/live/cam.sdp",
                "rtsp://u:p@127.0.0.1:8554/live/cam.sdp"), d.commandFor("127.0.0.1", 8554));
        assertEquals("rtsp://[::1]:554/live/cam.sdp", d.commandFor("::1", 554).get(5));
        assertEquals(List.of("ffmpeg", "-i", "/dev/video0", "-f", "rtsp", "{url}", "rtsp://u:p@{host}:{port}{path}"),
                d.command(), "the definition keeps its placeholders");
    }

    @Test
    void passwordsInUrlsAreNotShown() {
        BroadcasterDefinition d = new BroadcasterDefinition("cam", "/live/cam.sdp", List.of("ffmpeg", "-i",
                "rtsp://cam:s3cret!@10.0.0.9/stream", "-f", "rtsp", "rtsp://caster:pw@{host}:{port}{path}",
                "rtsp://nobody@host/x", "a:b@c"), StartMode.ON_DEMAND, 10, 15);
        assertEquals(List.of("ffmpeg", "-i", "rtsp://cam:***@10.0.0.9/stream", "-f", "rtsp",
                "rtsp://caster:***@{host}:{port}{path}", "rtsp://nobody@host/x", "a:b@c"), d.shownCommand());
    }

    @Test
    void anEmptyCommandIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new BroadcasterDefinition("x", "/x", List.of(), StartMode.ALWAYS, 10, 15));
    }
}
