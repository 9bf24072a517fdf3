package org.tributary.rtp.payload.amr;

import org.tributary.rtp.payload.PayloadFormat;

/** SDP description of narrow-band AMR in RFC 4867 octet-aligned mode. */
public final class AmrFormat {
    public static final int CLOCK_RATE = 8000;

    private AmrFormat() {
    }

    /** {@code AMR/8000/1} with fmtp {@code octet-align=1}. */
    public static PayloadFormat format(int payloadType) {
        return new PayloadFormat(payloadType, "AMR", CLOCK_RATE, 1, "octet-align=1");
    }
}
