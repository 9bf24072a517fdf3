package org.tributary.rtp.payload.mpegaudio;

import org.tributary.rtp.payload.PayloadFormat;

/** SDP description of MPEG-1/2 audio (MP3 and friends): static payload type 14, "MPA/90000" (RFC 3551). */
public final class MpegAudioFormat {
    public static final int PAYLOAD_TYPE = 14;
    public static final int CLOCK_RATE = 90_000;

    private MpegAudioFormat() {
    }

    public static PayloadFormat format() {
        return new PayloadFormat(PAYLOAD_TYPE, "MPA", CLOCK_RATE, 0, null);
    }
}
