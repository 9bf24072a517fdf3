package org.tributary.web.console.media;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlayerLinksTest {

    private final PlayerLinks links = new PlayerLinks("https://media.example:8443", "/tributary");

    @Test
    void theHlsUrlEncodesEachPathSegmentAndTheToken() {
        assertEquals("https://media.example:8443/tributary/hls/movies/my%20film%20%26%20more.mp4/index.m3u8?token=a%2Bb%2Fc%3D",
                links.hlsUrl("movies/my film & more.mp4", "a+b/c="));
    }

    @Test
    void withoutATokenTheUrlsCarryNone() {
        assertEquals("https://media.example:8443/tributary/hls/a.mp4/index.m3u8", links.hlsUrl("a.mp4", null));
        assertEquals("https://media.example:8443/tributary/player.html?path=a.mp4", links.playerPageUrl("a.mp4", null));
    }


    @Test
    void theEmbedSnippetIsAnIframeOfThePlayerPageWithEscapedAmpersands() {
        assertEquals("<iframe src=\"https://media.example:8443/tributary/player.html?path=movies%2Fa.mp4&amp;token=t%22x\""
                        + " width=\"640\" height=\"360\" allow=\"fullscreen\" style=\"border:0\"></iframe>",
                links.embedSnippet("movies/a.mp4", "t\"x"));
    }
}
