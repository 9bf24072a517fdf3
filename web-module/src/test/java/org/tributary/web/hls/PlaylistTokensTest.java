package org.tributary.web.hls;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaylistTokensTest {

    @Test
    void everyUriLineAndUriAttributeCarriesTheToken() {
        String playlist = "#EXTM3U\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:6.00000,\nseg0.m4s\n#EXT-X-ENDLIST\n";
        assertEquals("#EXTM3U\n#EXT-X-MAP:URI=\"init.mp4?token=17.a-b_c\"\n#EXTINF:6.00000,\nseg0.m4s?token=17.a-b_c\n"
                + "#EXT-X-ENDLIST\n", PlaylistTokens.carry(playlist, "17.a-b_c"));
    }

    @Test
    void theMultivariantPlaylistsVariantToo() {
        assertEquals("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=\"avc1.4d401e\"\nmedia.m3u8?token=x%2By\n",
                PlaylistTokens.carry("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=\"avc1.4d401e\"\nmedia.m3u8\n", "x+y"));
    }
}
