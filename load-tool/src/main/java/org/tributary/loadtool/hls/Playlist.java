package org.tributary.loadtool.hls;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HLS playlist (RFC 8216) as far as a viewer needs it: either a multivariant playlist's variants, or a media
 * playlist's target duration, first media sequence number, init segment ({@code #EXT-X-MAP}), segments and
 * whether it is complete ({@code #EXT-X-ENDLIST}). URIs are resolved against the URL the playlist was loaded
 * from with {@link URI#resolve}, so a URI that carries its own query keeps it and a relative one does not
 * inherit the playlist's.
 *
 * @param variants              the {@code #EXT-X-STREAM-INF} variants in playlist order; empty for a media playlist
 * @param targetDurationSeconds {@code #EXT-X-TARGETDURATION}; 0 in a multivariant playlist
 * @param mediaSequence         {@code #EXT-X-MEDIA-SEQUENCE}, the first segment's sequence number (default 0)
 * @param initSegment           the {@code #EXT-X-MAP} URI, or null
 * @param segments              the media segments in order
 * @param endList               {@code #EXT-X-ENDLIST}: no segment will be added (VOD, or a live stream that ended)
 */
public record Playlist(List<Variant> variants, int targetDurationSeconds, long mediaSequence, URI initSegment,
                       List<Segment> segments, boolean endList) {

    /** One rendition of a multivariant playlist: its media playlist and its peak bits per second. */
    public record Variant(URI uri, long bandwidth) {
    }

    /** One media segment: where it is, how many seconds of media it holds, its media sequence number. */
    public record Segment(URI uri, double durationSeconds, long sequence) {
    }

    public Playlist {
        variants = List.copyOf(variants);
        segments = List.copyOf(segments);
    }

    public boolean isMultivariant() {
        return !variants.isEmpty();
    }

    /**
     * Parses a playlist's text.
     *
     * @param text the playlist (UTF-8 decoded)
     * @param base the URL it was loaded from (after redirects), which its URIs are relative to
     * @throws IllegalArgumentException naming the line, when the text is not a playlist this parser can follow
     */
    public static Playlist parse(String text, URI base) {
        return new Parser(base).parse(text);
    }

    /** One pass over the lines; a URI line belongs to the {@code #EXTINF} or {@code #EXT-X-STREAM-INF} before it. */
    private static final class Parser {
        private final URI base;
        private final List<Variant> variants = new ArrayList<>();
        private final List<URI> segmentUris = new ArrayList<>();
        private final List<Double> durations = new ArrayList<>();
        private int targetDuration;
        private long mediaSequence;
        private URI init;
        private boolean endList;
        private Long pendingBandwidth;
        private Double pendingDuration;
        private int lineNumber;

        Parser(URI base) {
            this.base = base;
        }

        Playlist parse(String text) {
            List<String> lines = text.lines().toList();
            String first = lines.isEmpty() ? "" : lines.get(0).replace("\uFEFF", "").trim();
            if (!first.equals("#EXTM3U")) {
                throw new IllegalArgumentException("not an HLS playlist: the first line is not #EXTM3U");
            }
            for (lineNumber = 2; lineNumber <= lines.size(); lineNumber++) {
                String line = lines.get(lineNumber - 1).trim();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    tag(line);
                } else {
                    uri(line);
                }
            }
            if (pendingBandwidth != null || pendingDuration != null) {
                throw new IllegalArgumentException("the playlist ends before the URI of its last "
                        + (pendingBandwidth != null ? "#EXT-X-STREAM-INF" : "#EXTINF"));
            }
            if (!variants.isEmpty() && (!segmentUris.isEmpty() || targetDuration > 0)) {
                throw new IllegalArgumentException("both variants (#EXT-X-STREAM-INF) and media segments in one playlist");
            }
            if (variants.isEmpty() && targetDuration == 0) {
                throw new IllegalArgumentException(
                        "neither #EXT-X-STREAM-INF nor #EXT-X-TARGETDURATION: not a multivariant or media playlist");
            }
            List<Segment> segments = new ArrayList<>(segmentUris.size());
            for (int i = 0; i < segmentUris.size(); i++) {
                segments.add(new Segment(segmentUris.get(i), durations.get(i), mediaSequence + i));
            }
            return new Playlist(variants, targetDuration, mediaSequence, init, segments, endList);
        }

        private void tag(String line) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            switch (name) {
                case "#EXT-X-STREAM-INF" -> {
                    expectNoPendingTag(name);
                    String bandwidth = attributes(value).get("BANDWIDTH");
                    if (bandwidth == null) {
                        throw error(name + " without BANDWIDTH");
                    }
                    pendingBandwidth = number(bandwidth, "BANDWIDTH");
                }
                case "#EXTINF" -> {
                    expectNoPendingTag(name);
                    int comma = value.indexOf(',');
                    double duration = decimal(comma < 0 ? value : value.substring(0, comma), name);
                    if (!(duration >= 0) || Double.isInfinite(duration)) {
                        throw error(name + " with a negative or non-finite duration: " + value);
                    }
                    pendingDuration = duration;
                }
                case "#EXT-X-TARGETDURATION" -> {
                    long target = number(value, name);
                    if (target < 1 || target > 86_400) {
                        throw error(name + " must be 1 to 86400 seconds, was " + value);
                    }
                    targetDuration = (int) target;
                }
                case "#EXT-X-MEDIA-SEQUENCE" -> {
                    if (!segmentUris.isEmpty()) {
                        throw error(name + " after the first segment");
                    }
                    mediaSequence = number(value, name);
                    if (mediaSequence < 0) {
                        throw error(name + " must not be negative, was " + value);
                    }
                }
                case "#EXT-X-MAP" -> {
                    Map<String, String> attributes = attributes(value);
                    if (attributes.containsKey("BYTERANGE")) {
                        throw error("byte ranges (#EXT-X-MAP BYTERANGE) are not supported by the load tool");
                    }
                    String uri = attributes.get("URI");
                    if (uri == null) {
                        throw error(name + " without URI");
                    }
                    init = resolve(uri);
                }
                case "#EXT-X-BYTERANGE" -> throw error("byte ranges (#EXT-X-BYTERANGE) are not supported by the load tool");
                case "#EXT-X-ENDLIST" -> endList = true;
                default -> {
                    // Other tags (and comments) do not change what a viewer loads.
                }
            }
        }

        private void uri(String line) {
            if (pendingBandwidth != null) {
                variants.add(new Variant(resolve(line), pendingBandwidth));
                pendingBandwidth = null;
            } else if (pendingDuration != null) {
                segmentUris.add(resolve(line));
                durations.add(pendingDuration);
                pendingDuration = null;
            } else {
                throw error("a URI without #EXTINF or #EXT-X-STREAM-INF before it: " + line);
            }
        }

        private void expectNoPendingTag(String tag) {
            if (pendingBandwidth != null || pendingDuration != null) {
                throw error(tag + " where a URI was expected");
            }
        }

        /** An attribute list: NAME=value pairs separated by commas, where a quoted value may hold commas. */
        private Map<String, String> attributes(String list) {
            Map<String, String> result = new LinkedHashMap<>();
            int i = 0;
            while (i < list.length()) {
                int eq = list.indexOf('=', i);
                if (eq < 0) {
                    throw error("an attribute without '=': " + list.substring(i));
                }
                String name = list.substring(i, eq).trim();
                int end;
                String value;
                if (eq + 1 < list.length() && list.charAt(eq + 1) == '"') {
                    int close = list.indexOf('"', eq + 2);
                    if (close < 0) {
                        throw error("an unterminated quoted value of " + name);
                    }
                    value = list.substring(eq + 2, close);
                    end = close + 1;
                } else {
                    int comma = list.indexOf(',', eq + 1);
                    end = comma < 0 ? list.length() : comma;
                    value = list.substring(eq + 1, end).trim();
                }
                result.put(name, value);
                int next = list.indexOf(',', end);
                i = next < 0 ? list.length() : next + 1;
            }
            return result;
        }

        private URI resolve(String uri) {
            try {
                return base.resolve(new URI(uri));
            } catch (URISyntaxException e) {
                throw error("a malformed URI: " + uri);
            }
        }

        private long number(String text, String what) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw error(what + " is not a whole number: " + text);
            }
        }

        private double decimal(String text, String what) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw error(what + " has no duration in seconds: " + text);
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("line " + lineNumber + ": " + message);
        }
    }
}
