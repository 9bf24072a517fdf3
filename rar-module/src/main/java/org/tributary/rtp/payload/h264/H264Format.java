package org.tributary.rtp.payload.h264;

import java.util.Base64;
import java.util.HexFormat;
import java.util.StringJoiner;
import org.tributary.rtp.payload.PayloadFormat;

/** Builds the SDP description of an H.264 stream (RFC 6184 §8.1) from the MP4 avcC record. */
public final class H264Format {
    public static final int CLOCK_RATE = 90_000;

    private H264Format() {
    }

    /**
     * {@code H264/90000} with fmtp
     * {@code packetization-mode=1;profile-level-id=XXXXXX;sprop-parameter-sets=<sps>,<pps>}.
     */
    public static PayloadFormat fromAvcC(byte[] avcC, int payloadType) {
        return fromConfig(AvcDecoderConfig.parse(avcC), payloadType);
    }

    public static PayloadFormat fromConfig(AvcDecoderConfig config, int payloadType) {
        StringBuilder fmtp = new StringBuilder("packetization-mode=1;profile-level-id=")
                .append(profileLevelId(config));
        StringJoiner sets = new StringJoiner(",");
        Base64.Encoder base64 = Base64.getEncoder();
        config.sps().forEach(nal -> sets.add(base64.encodeToString(nal)));
        config.pps().forEach(nal -> sets.add(base64.encodeToString(nal)));
        if (sets.length() > 0) {
            fmtp.append(";sprop-parameter-sets=").append(sets);
        }
        return new PayloadFormat(payloadType, "H264", CLOCK_RATE, 0, fmtp.toString());
    }

    /** Six hex digits: profile_idc, constraint flags, level_idc - from the first SPS when present. */
    static String profileLevelId(AvcDecoderConfig config) {
        byte[] triple;
        if (!config.sps().isEmpty() && config.sps().get(0).length >= 4) {
            byte[] sps = config.sps().get(0);
            triple = new byte[] {sps[1], sps[2], sps[3]};
        } else {
            triple = new byte[] {(byte) config.profileIndication(), (byte) config.profileCompatibility(),
                (byte) config.levelIndication()};
        }
        return HexFormat.of().formatHex(triple);
    }
}
