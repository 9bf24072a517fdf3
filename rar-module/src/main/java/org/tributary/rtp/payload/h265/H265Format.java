package org.tributary.rtp.payload.h265;

import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import org.tributary.rtp.payload.PayloadFormat;

/** Builds the SDP description of an H.265 stream (RFC 7798 §7.1) from the MP4 hvcC record. */
public final class H265Format {
    public static final int CLOCK_RATE = 90_000;

    private H265Format() {
    }

    /**
     * {@code H265/90000} with fmtp
     * {@code profile-id=P;tier-flag=T;level-id=L;sprop-vps=..;sprop-sps=..;sprop-pps=..}
     * (profile-space is added when it is not 0).
     */
    public static PayloadFormat fromHvcC(byte[] hvcC, int payloadType) {
        return fromConfig(HevcDecoderConfig.parse(hvcC), payloadType);
    }

    public static PayloadFormat fromConfig(HevcDecoderConfig config, int payloadType) {
        StringJoiner fmtp = new StringJoiner(";");
        if (config.profileSpace() != 0) {
            fmtp.add("profile-space=" + config.profileSpace());
        }
        fmtp.add("profile-id=" + config.profileIdc());
        fmtp.add("tier-flag=" + (config.tierFlag() ? 1 : 0));
        fmtp.add("level-id=" + config.levelIdc());
        addSprop(fmtp, "sprop-vps", config.vps());
        addSprop(fmtp, "sprop-sps", config.sps());
        addSprop(fmtp, "sprop-pps", config.pps());
        return new PayloadFormat(payloadType, "H265", CLOCK_RATE, 0, fmtp.toString());
    }

    private static void addSprop(StringJoiner fmtp, String name, List<byte[]> nals) {
        if (nals.isEmpty()) {
            return;
        }
        StringJoiner values = new StringJoiner(",");
        nals.forEach(nal -> values.add(Base64.getEncoder().encodeToString(nal)));
        fmtp.add(name + "=" + values);
    }
}
