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

    /** The URI of part {@code index} of segment {@code segment}, relative to the playlist. */
    public static String partName(long segment, int index) {
        return "part" + segment + "." + index + ".m4s";
    }

    /** One part of a live playlist's segment (Low-Latency HLS): its place, duration and whether it starts with a key frame. */
    public record LivePartEntry(int index, double durationSeconds, boolean independent) {
    }

    /**
     * One segment of a live playlist: its sequence number, duration, wall-clock start and the parts to list for
     * it (none for the older segments; a player near the edge fetches parts, one further back whole segments).
     */
    public record LiveEntry(long sequence, double durationSeconds, long programDateMillis, List<LivePartEntry> parts) {
    }

    /**
     * A live media playlist (RFC 8216 6.2.2, with the Low-Latency HLS tags of RFC 8216bis): the window of the
     * latest segments, oldest first, with the media sequence of the first and its date (so players can show
     * and measure the delay); the parts of the newest segments and of the one being made, the hint of the next
     * part, blocking reloads offered; {@code #EXT-X-ENDLIST} once the stream has ended.
     *
     * @param current the parts of the segment being made (sequence: the last entry's plus one)
     */
    public static String liveMedia(List<LiveEntry> window, List<LivePartEntry> current, int targetSeconds,
                                   double partTargetSeconds, boolean ended) {
        StringBuilder s = new StringBuilder(256 + window.size() * 80 + current.size() * 80);
        s.append("#EXTM3U\n#EXT-X-VERSION:9\n");
        s.append("#EXT-X-TARGETDURATION:").append(Math.max(1, targetSeconds)).append('\n');
        if (!ended) {
            s.append("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=")
                    .append(seconds(3 * partTargetSeconds)).append('\n');
        }
        s.append("#EXT-X-PART-INF:PART-TARGET=").append(seconds(partTargetSeconds)).append('\n');
        s.append("#EXT-X-MEDIA-SEQUENCE:").append(window.isEmpty() ? 0 : window.get(0).sequence()).append('\n');
        s.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        s.append("#EXT-X-MAP:URI=\"").append(INIT).append("\"\n");
        long next = 0;
        for (int i = 0; i < window.size(); i++) {
            LiveEntry e = window.get(i);
            if (i == 0) {
                s.append("#EXT-X-PROGRAM-DATE-TIME:")
                        .append(java.time.Instant.ofEpochMilli(e.programDateMillis())).append('\n');
            }
            parts(s, e.sequence(), e.parts());
            s.append("#EXTINF:").append(seconds(e.durationSeconds())).append(",\n");
            s.append(segmentName(e.sequence())).append('\n');
            next = e.sequence() + 1;
        }
        if (ended) {
            s.append("#EXT-X-ENDLIST\n");
        } else if (!window.isEmpty()) {
            parts(s, next, current);
            s.append("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"").append(partName(next, current.size())).append("\"\n");
        }
        return s.toString();
    }

    private static void parts(StringBuilder s, long segment, List<LivePartEntry> parts) {
        for (LivePartEntry p : parts) {
            s.append("#EXT-X-PART:DURATION=").append(seconds(p.durationSeconds())).append(",URI=\"")
                    .append(partName(segment, p.index())).append('"');
            if (p.independent()) {
                s.append(",INDEPENDENT=YES");
            }
            s.append('\n');
        }
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.5f", value);
    }
}
