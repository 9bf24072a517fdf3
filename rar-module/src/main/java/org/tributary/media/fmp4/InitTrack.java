package org.tributary.media.fmp4;

/**
 * One track of an init segment.
 *
 * @param trackId     the track_ID its fragments name
 * @param handler     "vide" or "soun"
 * @param timescale   media time units per second, the unit of every duration and decode time of the track
 * @param width       pixels, 0 for audio
 * @param height      pixels, 0 for audio
 * @param sampleEntry the whole 'stsd' entry box, from {@link SampleEntries}
 */
public record InitTrack(int trackId, String handler, long timescale, int width, int height, byte[] sampleEntry) {

    public InitTrack {
        if (!handler.equals("vide") && !handler.equals("soun")) {
            throw new IllegalArgumentException("handler must be vide or soun: " + handler);
        }
        if (timescale <= 0 || timescale > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("timescale out of range: " + timescale);
        }
    }

    boolean video() {
        return handler.equals("vide");
    }
}
