package org.tributary.rtp.payload.plan;

import org.tributary.rtp.payload.h264.H264NalSyntax;
import org.tributary.rtp.payload.h265.H265NalSyntax;
import org.tributary.rtp.payload.nal.NalRandomAccess;

import java.util.Locale;
import java.util.Optional;

/**
 * Which incoming payload formats tell where a viewer can join a live stream, by the encoding name of
 * their {@code a=rtpmap} (RFC 4566 §6): H.264 and H.265. Other formats are relayed without join points
 * (every audio frame is one).
 */
public final class JoinPoints {

    private JoinPoints() {
    }

    /** A fresh detector for one incoming track of this encoding, or empty when it has no join points. */
    public static Optional<NalRandomAccess> detectorFor(String encodingName) {
        return switch (encodingName.toUpperCase(Locale.ROOT)) {
            case "H264" -> Optional.of(new NalRandomAccess(H264NalSyntax.INSTANCE));
            case "H265", "HEVC" -> Optional.of(new NalRandomAccess(H265NalSyntax.INSTANCE));
            default -> Optional.empty();
        };
    }
}
