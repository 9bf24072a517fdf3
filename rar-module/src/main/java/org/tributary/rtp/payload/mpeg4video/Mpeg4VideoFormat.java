package org.tributary.rtp.payload.mpeg4video;

import java.util.HexFormat;
import org.tributary.rtp.payload.PayloadFormat;

/** Builds the SDP description of MPEG-4 Visual (RFC 3016 §5.2, MP4V-ES) from the esds DecoderSpecificInfo. */
public final class Mpeg4VideoFormat {
    public static final int CLOCK_RATE = 90_000;
    /** Simple Profile/Level 1, the default when the config has no visual_object_sequence header. */
    static final int DEFAULT_PROFILE_LEVEL = 1;
    private static final int VOS_START_CODE = 0xB0;

    private Mpeg4VideoFormat() {
    }

    /** {@code MP4V-ES/90000} with fmtp {@code profile-level-id=<decimal>;config=<hex>}. */
    public static PayloadFormat fromDecoderSpecificInfo(byte[] dsi, int payloadType) {
        String fmtp = "profile-level-id=" + profileLevel(dsi) + ";config="
                + HexFormat.of().withUpperCase().formatHex(dsi);
        return new PayloadFormat(payloadType, "MP4V-ES", CLOCK_RATE, 0, fmtp);
    }

    /** profile_and_level_indication following the first 00 00 01 B0 start code, else 1. */
    static int profileLevel(byte[] dsi) {
        for (int i = 0; i + 4 < dsi.length; i++) {
            if (dsi[i] == 0 && dsi[i + 1] == 0 && dsi[i + 2] == 1 && (dsi[i + 3] & 0xFF) == VOS_START_CODE) {
                return dsi[i + 4] & 0xFF;
            }
        }
        return DEFAULT_PROFILE_LEVEL;
    }
}
