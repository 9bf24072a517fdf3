package org.tributary.rtp.payload;

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
}
