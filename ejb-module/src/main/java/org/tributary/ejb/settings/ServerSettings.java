package org.tributary.ejb.settings;

import org.tributary.api.RuntimeSettings;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server settings of the console's Settings page and of {@code /api/settings}. Field errors and the
 * lists of applied fields use the component names.
 *
 * @param rtspBindAddress       address the RTSP, tunnel and RTP sockets bind (restart)
 * @param rtspPort              RTSP TCP port (rebound live)
 * @param rtpPort               even UDP port RTP leaves from; RTCP uses the next one (restart)
 * @param httpTunnelPort        RTSP and RTSP-over-HTTP tunnel port, 0 = none (rebound live)
 * @param mediaRoot             the media folder (live)
 * @param maxConnections        RTSP connections at once (live)
 * @param maxSessions           RTSP sessions at once (live)
 * @param maxBandwidthKbps      outgoing bandwidth limit in kbit/s, 0 = unlimited (live)
 * @param sessionTimeoutSeconds silence before a session ends, for new sessions (live)
 * @param authSchemes           default authentication schemes, preferred first, e.g. "digest basic" (live)
 * @param accessCacheSeconds    how long an access decision is reused (live)
 * @param mp3MaxStreams         MP3-over-HTTP streams at once, 0 = MP3 over HTTP off (live)
 * @param mp3BurstSeconds       seconds of audio a new MP3 stream sends at once (live, new streams)
 * @param mp3IcyMetaint         audio bytes between ICY metadata blocks (live, new streams)
 * @param mp3StallSeconds       an MP3 listener taking nothing this long is dropped (live, new streams)
 */
public record ServerSettings(String rtspBindAddress,
                             int rtspPort,
                             int rtpPort,
                             int httpTunnelPort,
                             String mediaRoot,
                             int maxConnections,
                             int maxSessions,
                             int maxBandwidthKbps,
                             int sessionTimeoutSeconds,
                             String authSchemes,
                             int accessCacheSeconds,
                             int mp3MaxStreams,
                             int mp3BurstSeconds,
                             int mp3IcyMetaint,
                             int mp3StallSeconds) implements Serializable {

    /** The component names, in page order. */
    public static final List<String> FIELDS = List.of("rtspBindAddress", "rtspPort", "rtpPort", "httpTunnelPort",
            "mediaRoot", "maxConnections", "maxSessions", "maxBandwidthKbps", "sessionTimeoutSeconds",
            "authSchemes", "accessCacheSeconds", "mp3MaxStreams", "mp3BurstSeconds", "mp3IcyMetaint",
            "mp3StallSeconds");

    /**
     * The settings without the MP3-over-HTTP limits (the form before they were added): those take the
     * adapter's defaults.
     */
    public ServerSettings(String rtspBindAddress, int rtspPort, int rtpPort, int httpTunnelPort, String mediaRoot,
                          int maxConnections, int maxSessions, int maxBandwidthKbps, int sessionTimeoutSeconds,
                          String authSchemes, int accessCacheSeconds) {
        this(rtspBindAddress, rtspPort, rtpPort, httpTunnelPort, mediaRoot, maxConnections, maxSessions,
                maxBandwidthKbps, sessionTimeoutSeconds, authSchemes, accessCacheSeconds,
                RuntimeSettings.DEFAULT_MP3_MAX_STREAMS, RuntimeSettings.DEFAULT_MP3_BURST_SECONDS,
                RuntimeSettings.DEFAULT_MP3_ICY_METAINT, RuntimeSettings.DEFAULT_MP3_STALL_SECONDS);
    }

    public static ServerSettings of(RuntimeSettings s) {
        return new ServerSettings(s.rtspBindAddress(), s.rtspPort(), s.rtpPort(), s.httpTunnelPort(), s.mediaRoot(),
                s.maxConnections(), s.maxSessions(), s.maxBandwidthKbps(), s.sessionTimeoutSeconds(), s.authSchemes(),
                s.accessCacheSeconds(), s.mp3MaxStreams(), s.mp3BurstSeconds(), s.mp3IcyMetaint(),
                s.mp3StallSeconds());
    }

    public RuntimeSettings toRuntime() {
        return new RuntimeSettings(rtspBindAddress, rtspPort, rtpPort, httpTunnelPort, mediaRoot, maxConnections,
                maxSessions, maxBandwidthKbps, sessionTimeoutSeconds, authSchemes, accessCacheSeconds, mp3MaxStreams,
                mp3BurstSeconds, mp3IcyMetaint, mp3StallSeconds);
    }

    /** These settings with other MP3-over-HTTP limits. */
    public ServerSettings withMp3(int maxStreams, int burstSeconds, int icyMetaint, int stallSeconds) {
        return new ServerSettings(rtspBindAddress, rtspPort, rtpPort, httpTunnelPort, mediaRoot, maxConnections,
                maxSessions, maxBandwidthKbps, sessionTimeoutSeconds, authSchemes, accessCacheSeconds, maxStreams,
                burstSeconds, icyMetaint, stallSeconds);
    }

    /** Every field as text, by name (how the database stores them). */
    public Map<String, String> asText() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("rtspBindAddress", rtspBindAddress);
        out.put("rtspPort", Integer.toString(rtspPort));
        out.put("rtpPort", Integer.toString(rtpPort));
        out.put("httpTunnelPort", Integer.toString(httpTunnelPort));
        out.put("mediaRoot", mediaRoot);
        out.put("maxConnections", Integer.toString(maxConnections));
        out.put("maxSessions", Integer.toString(maxSessions));
        out.put("maxBandwidthKbps", Integer.toString(maxBandwidthKbps));
        out.put("sessionTimeoutSeconds", Integer.toString(sessionTimeoutSeconds));
        out.put("authSchemes", authSchemes);
        out.put("accessCacheSeconds", Integer.toString(accessCacheSeconds));
        out.put("mp3MaxStreams", Integer.toString(mp3MaxStreams));
        out.put("mp3BurstSeconds", Integer.toString(mp3BurstSeconds));
        out.put("mp3IcyMetaint", Integer.toString(mp3IcyMetaint));
        out.put("mp3StallSeconds", Integer.toString(mp3StallSeconds));
        return out;
    }

    /**
     * These settings with some fields replaced by stored text; a stored value that no longer parses (a
     * hand-edited row) is ignored and reported to {@code badValue}.
     */
    public ServerSettings overriddenBy(Map<String, String> text, java.util.function.BiConsumer<String, String> badValue) {
        Map<String, String> merged = asText();
        for (Map.Entry<String, String> e : text.entrySet()) {
            if (merged.containsKey(e.getKey())) {
                merged.put(e.getKey(), e.getValue());
            }
        }
        String address = merged.get("rtspBindAddress");
        String root = merged.get("mediaRoot");
        String schemes = merged.get("authSchemes");
        return new ServerSettings(address, number(merged, "rtspPort", rtspPort, badValue),
                number(merged, "rtpPort", rtpPort, badValue), number(merged, "httpTunnelPort", httpTunnelPort, badValue),
                root, number(merged, "maxConnections", maxConnections, badValue),
                number(merged, "maxSessions", maxSessions, badValue),
                number(merged, "maxBandwidthKbps", maxBandwidthKbps, badValue),
                number(merged, "sessionTimeoutSeconds", sessionTimeoutSeconds, badValue), schemes,
                number(merged, "accessCacheSeconds", accessCacheSeconds, badValue),
                number(merged, "mp3MaxStreams", mp3MaxStreams, badValue),
                number(merged, "mp3BurstSeconds", mp3BurstSeconds, badValue),
                number(merged, "mp3IcyMetaint", mp3IcyMetaint, badValue),
                number(merged, "mp3StallSeconds", mp3StallSeconds, badValue));
    }

    private static int number(Map<String, String> text, String field, int fallback,
                              java.util.function.BiConsumer<String, String> badValue) {
        try {
            return Integer.parseInt(text.get(field).trim());
        } catch (RuntimeException e) {
            badValue.accept(field, text.get(field));
            return fallback;
        }
    }

    /** The names of the fields whose values differ between these settings and {@code other}. */
    public List<String> differencesFrom(ServerSettings other) {
        Map<String, String> mine = asText();
        Map<String, String> theirs = other.asText();
        return FIELDS.stream().filter(f -> !java.util.Objects.equals(mine.get(f), theirs.get(f))).toList();
    }
}
