package org.tributary.hls;

import java.util.List;
import java.util.Locale;

/**
 * The playlist texts (RFC 8216): a VOD or live media playlist over fragmented MP4 and its multivariant playlist.
 * Public for the live packagers ({@code hls.live}).
 */
public final class Playlists {

    public static final String INIT = "init.mp4";
    public static final String MEDIA = "media.m3u8";

    private Playlists() {
    }

    /** The segment's URI, relative to the playlist. */
    public static String segmentName(long index) {
        return "seg" + index + ".m4s";
    }

    /** A VOD playlist of segments of these durations (seconds), named seg0.m4s, seg1.m4s, ... */
    static String vodMedia(List<Double> durations) {
        double longest = durations.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder s = new StringBuilder(64 + durations.size() * 32);
        s.append("#EXTM3U\n#EXT-X-VERSION:7\n");
        // RFC 8216 4.3.3.1: each EXTINF rounded to the nearest integer must not exceed the target
        s.append("#EXT-X-TARGETDURATION:").append(Math.max(1, (long) Math.ceil(longest))).append('\n');
        s.append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        s.append("#EXT-X-MAP:URI=\"").append(INIT).append("\"\n");
        for (int i = 0; i < durations.size(); i++) {
            s.append("#EXTINF:").append(String.format(Locale.ROOT, "%.5f", durations.get(i))).append(",\n");
            s.append(segmentName(i)).append('\n');
        }
        s.append("#EXT-X-ENDLIST\n");
        return s.toString();
    }

    /** One variant: peak and average bits per second, the codecs, the picture size (0 for audio only). */
    public static String multivariant(long peakBandwidth, long averageBandwidth, List<String> codecs, int width, int height) {
        StringBuilder s = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        s.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(Math.max(1, peakBandwidth))
                .append(",AVERAGE-BANDWIDTH=").append(Math.max(1, averageBandwidth))
                .append(",CODECS=\"").append(String.join(",", codecs)).append('"');
        if (width > 0 && height > 0) {
            s.append(",RESOLUTION=").append(width).append('x').append(height);
        }
        s.append('\n').append(MEDIA).append('\n');
        return s.toString();
    }

    /** One segment of a live playlist: its sequence number, duration and wall-clock start. */
    public record LiveEntry(long sequence, double durationSeconds, long programDateMillis) {
    }

    /**
     * A live media playlist (RFC 8216 6.2.2): the window of the latest segments, oldest first, with the media
     * sequence of the first, its date (so players can show and measure the delay) and, when the stream has
     * ended, {@code #EXT-X-ENDLIST}.
     */
    public static String liveMedia(List<LiveEntry> window, int targetSeconds, boolean ended) {
        StringBuilder s = new StringBuilder(128 + window.size() * 80);
        s.append("#EXTM3U\n#EXT-X-VERSION:7\n");
        s.append("#EXT-X-TARGETDURATION:").append(Math.max(1, targetSeconds)).append('\n');
        s.append("#EXT-X-MEDIA-SEQUENCE:").append(window.isEmpty() ? 0 : window.get(0).sequence()).append('\n');
        s.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        s.append("#EXT-X-MAP:URI=\"").append(INIT).append("\"\n");
        for (int i = 0; i < window.size(); i++) {
            LiveEntry e = window.get(i);
            if (i == 0) {
                s.append("#EXT-X-PROGRAM-DATE-TIME:")
                        .append(java.time.Instant.ofEpochMilli(e.programDateMillis())).append('\n');
            }
            s.append("#EXTINF:").append(String.format(Locale.ROOT, "%.5f", e.durationSeconds())).append(",\n");
            s.append(segmentName(e.sequence())).append('\n');
        }
        if (ended) {
            s.append("#EXT-X-ENDLIST\n");
        }
        return s.toString();
    }
}
