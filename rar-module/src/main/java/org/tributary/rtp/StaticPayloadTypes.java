package org.tributary.rtp;

import java.util.Map;
import java.util.Optional;

/**
 * The payload types RFC 3551 §6 assigns statically: an SDP may name them on an m= line without an
 * {@code a=rtpmap}, so their encoding name and clock rate come from here.
 */
public final class StaticPayloadTypes {

    /** An encoding name and its RTP clock rate. */
    public record Encoding(String name, int clockRate) {
    }

    private static final Map<Integer, Encoding> TABLE = Map.ofEntries(
            Map.entry(0, new Encoding("PCMU", 8000)), Map.entry(3, new Encoding("GSM", 8000)),
            Map.entry(4, new Encoding("G723", 8000)), Map.entry(5, new Encoding("DVI4", 8000)),
            Map.entry(6, new Encoding("DVI4", 16000)), Map.entry(7, new Encoding("LPC", 8000)),
            Map.entry(8, new Encoding("PCMA", 8000)), Map.entry(9, new Encoding("G722", 8000)),
            Map.entry(10, new Encoding("L16", 44100)), Map.entry(11, new Encoding("L16", 44100)),
            Map.entry(12, new Encoding("QCELP", 8000)), Map.entry(13, new Encoding("CN", 8000)),
            Map.entry(14, new Encoding("MPA", 90000)), Map.entry(15, new Encoding("G728", 8000)),
            Map.entry(16, new Encoding("DVI4", 11025)), Map.entry(17, new Encoding("DVI4", 22050)),
            Map.entry(18, new Encoding("G729", 8000)), Map.entry(25, new Encoding("CelB", 90000)),
            Map.entry(26, new Encoding("JPEG", 90000)), Map.entry(28, new Encoding("nv", 90000)),
            Map.entry(31, new Encoding("H261", 90000)), Map.entry(32, new Encoding("MPV", 90000)),
            Map.entry(33, new Encoding("MP2T", 90000)), Map.entry(34, new Encoding("H263", 90000)));

    private StaticPayloadTypes() {
    }

    public static Optional<Encoding> of(int payloadType) {
        return Optional.ofNullable(TABLE.get(payloadType));
    }
}
