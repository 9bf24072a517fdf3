package org.tributary.hls;

import org.tributary.media.fmp4.InitTrack;
import org.tributary.media.mp4.Mp4Track;

/**
 * A source track HLS carries: the file's track, its entry in the init segment and its RFC 6381 codec string.
 */
record HlsTrack(Mp4Track source, InitTrack init, String codec) {

    boolean video() {
        return init.handler().equals("vide");
    }
}
