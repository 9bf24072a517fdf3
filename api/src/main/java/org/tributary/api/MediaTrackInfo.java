package org.tributary.api;

import java.io.Serializable;

/**
 * One track of a media file, for people.
 *
 * @param kind    "video", "audio", "hint", or the file's handler type for others
 * @param codec   e.g. "H264", "AAC", "MP3", "RTP hint"
 * @param details e.g. "1280x720 25 fps" or "44100 Hz 2 ch"; empty when nothing is known
 */
public record MediaTrackInfo(String kind, String codec, String details) implements Serializable {
}
