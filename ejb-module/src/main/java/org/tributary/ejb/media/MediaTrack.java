package org.tributary.ejb.media;

import java.io.Serializable;

/**
 * One track of a media file.
 *
 * @param kind    "video", "audio", "hint", or the file's handler type for others
 * @param codec   e.g. "H264", "AAC", "MP3"
 * @param details e.g. "1280x720 25 fps" or "44100 Hz 2 ch"; empty when unknown
 */
public record MediaTrack(String kind, String codec, String details) implements Serializable {
}
