package org.tributary.rtp.payload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the SDP says about a payload format: rtpmap and fmtp.
 *
 * @param payloadType RTP payload type, 0..127
 * @param encodingName encoding name as registered, e.g. "H264"
 * @param clockRate RTP timestamp clock rate in Hz
 * @param channels audio channel count; 0 = omit from rtpmap
 * @param fmtp format parameters without the "a=fmtp:PT " prefix; null = none
 */
public record PayloadFormat(int payloadType, String encodingName, int clockRate, int channels, String fmtp) {

    public PayloadFormat {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range 0..127: " + payloadType);
        }
        Objects.requireNonNull(encodingName, "encodingName");
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        if (channels < 0) {
            throw new IllegalArgumentException("channels must not be negative: " + channels);
        }
    }

    /** "a=rtpmap:96 H264/90000", with "/channels" appended when channels &gt; 0. */
    public String rtpmapLine() {
        String line = "a=rtpmap:" + payloadType + " " + encodingName + "/" + clockRate;
        return channels > 0 ? line + "/" + channels : line;
    }

    /** "a=fmtp:96 ..." or null when there are no format parameters. */
    public String fmtpLine() {
        return fmtp == null ? null : "a=fmtp:" + payloadType + " " + fmtp;
    }

    /**
     * The format parameters as name to value (RFC 4566 6: "name=value" separated by ';'), names in lower case
     * (RFC 6184 and RFC 3640 names are case-insensitive); a parameter without '=' maps to "".
     */
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        if (fmtp == null) {
            return out;
        }
        for (String part : fmtp.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            out.putIfAbsent(name, eq < 0 ? "" : p.substring(eq + 1).trim());
        }
        return out;
    }

    /**
     * The format parameters (the text after "fmtp:&lt;pt&gt; ") of {@code payloadType} among a media description's
     * attribute lines (without "a="), or null when it has none. The rtpmap was read where the track was made.
     */
    public static String fmtpOf(int payloadType, List<String> attributes) {
        String prefix = "fmtp:" + payloadType + " ";
        for (String a : attributes) {
            if (a.startsWith(prefix)) {
                return a.substring(prefix.length()).trim();
            }
        }
        return null;
    }
}
