package org.tributary.loadtool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Options that change who goes where: publishers to their own mounts, viewers to theirs; http(s) URLs make HLS
 * viewers, which refuse RTSP's options (and RTSP refuses HLS's).
 */
class LoadToolOptionsTest {

    @Test
    void publishersGoToThePublishUrlsAndViewersToTheUrls() {
        LoadToolOptions o = LoadToolOptions.parse(new String[] {"--url", "rtsp://h:1/live/play", "--publish", "1",
                "--publish-url", "rtsp://u:p@h:1/live/in"});
        assertEquals(List.of("rtsp://h:1/live/play"), o.urls);
        assertEquals(List.of("rtsp://u:p@h:1/live/in"), o.publishUrls);
        assertEquals(1, o.publish);
    }

    @Test
    void aPublishUrlWithoutPublishersIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadToolOptions.parse(
                new String[] {"--url", "rtsp://h:1/live/play", "--publish-url", "rtsp://h:1/live/in"}));
        assertEquals("--publish-url needs --publish N", e.getMessage());
    }

    @Test
    void anHttpUrlMakesHlsViewersWithTheirTimeout() {
        LoadToolOptions o = LoadToolOptions.parse(new String[] {"--url",
                "http://127.0.0.1:8080/tributary/hls/clip.mp4/index.m3u8?token=1.x", "-n", "200", "--http-timeout", "4"});
        assertTrue(o.isHls());
        assertEquals(4.0, o.httpTimeoutSeconds);
        assertEquals(200, o.sessions);
        assertFalse(LoadToolOptions.parse(new String[] {"--url", "rtsp://h:8554/clip.mp4"}).isHls());
    }

    @Test
    void rtspOptionsAreRefusedForHlsAndHlsOptionsForRtsp() {
        String hls = "HTTPS://h/tributary/hls/clip.mp4/index.m3u8";
        assertRefused("--transport is for RTSP; http(s):// URLs are played as HLS viewers",
                "--url", hls, "--transport", "tcp");
        assertRefused("--publish is for RTSP; http(s):// URLs are played as HLS viewers", "--url", hls, "--publish", "1");
        assertRefused("--no-options is for RTSP; http(s):// URLs are played as HLS viewers", "--no-options", "--url", hls);
        assertRefused("--rtsp-timeout is for RTSP; http(s):// URLs are played as HLS viewers",
                "--url", hls, "--rtsp-timeout=3");
        assertRefused("--http-timeout is for HLS (http:// or https:// playlist URLs)",
                "--url", "rtsp://h:8554/clip.mp4", "--http-timeout", "3");
        assertRefused("give either rtsp:// URLs or http(s):// HLS playlist URLs, not both: rtsp://h:8554/clip.mp4",
                "--url", hls, "--url", "rtsp://h:8554/clip.mp4");
        assertRefused("sessions, rate, threads, timeouts must be positive", "--url", hls, "--http-timeout", "0");
    }

    private static void assertRefused(String message, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadToolOptions.parse(args));
        assertEquals(message, e.getMessage());
    }
}
