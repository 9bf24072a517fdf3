package org.tributary.rtp.payload.mpeg4audio;

import java.util.HexFormat;
import org.tributary.rtp.payload.PayloadFormat;

/** Builds the SDP description of an AAC stream in RFC 3640 AAC-hbr mode from the AudioSpecificConfig. */
public final class AacFormat {
    private AacFormat() {
    }

    /**
     * {@code MPEG4-GENERIC/<rate>/<channels>} with fmtp
     * {@code streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=<hex>}.
     * The clock rate is the core sampling frequency (what the MP4 audio track's timescale normally is).
     */
    public static PayloadFormat fromAudioSpecificConfig(byte[] asc, int payloadType) {
        AudioSpecificConfig config = AudioSpecificConfig.parse(asc);
        String fmtp = "streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;"
                + "indexdeltalength=3;config=" + HexFormat.of().withUpperCase().formatHex(asc);
        return new PayloadFormat(payloadType, "MPEG4-GENERIC", config.samplingFrequency(),
                config.channelCount(), fmtp);
    }
}
