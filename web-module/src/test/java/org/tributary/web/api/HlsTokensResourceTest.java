package org.tributary.web.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HlsTokensResourceTest {

    @Test
    void eachSegmentOfThePathIsPercentEncodedSlashesKept() {
        assertEquals("movies/a.mp4", HlsTokensResource.encodedPath("movies/a.mp4"));
        assertEquals("my%20movies/caf%C3%A9%2B1.mp4", HlsTokensResource.encodedPath("my movies/café+1.mp4"));
        assertEquals("a%3Fb/c%23d.mp4", HlsTokensResource.encodedPath("a?b/c#d.mp4"));
    }
}
