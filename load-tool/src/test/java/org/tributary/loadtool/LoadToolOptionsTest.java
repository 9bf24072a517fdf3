package org.tributary.loadtool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Options that change who goes where: publishers to their own mounts, viewers to theirs. */
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
}
