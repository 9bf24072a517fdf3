package org.tributary.rtp.payload.nal;

import java.nio.ByteBuffer;

/**
 * Tells, packet by packet, where a NAL-unit stream (H.264, H.265) can be joined: the first packet of an
 * access unit that carries a parameter set or a random-access picture. A live stream keeps the packets
 * from there on, so that a viewer who joins gets parameter sets and a key frame before anything else.
 * Only the first such packet of an access unit counts: SPS, PPS and the IDR slices that follow with the
 * same timestamp belong to one join point. Not thread-safe: one instance per incoming track.
 */
public final class NalRandomAccess {

    private final NalSyntax syntax;
    private final ByteBuffer rebuiltHeader;
    private long joinPointTimestamp = -1;

    public NalRandomAccess(NalSyntax syntax) {
        this.syntax = syntax;
        this.rebuiltHeader = ByteBuffer.allocate(syntax.headerSize());
    }

    /**
     * @param payload   one RTP payload (position..limit, not consumed)
     * @param timestamp its RTP timestamp
     * @return whether a joining reader should start with this packet
     */
    public boolean startsJoinPoint(ByteBuffer payload, long timestamp) {
        if (!carriesJoinableUnit(payload)) {
            return false;
        }
        if (timestamp == joinPointTimestamp) {
            return false; // the rest of an access unit whose first packet was already a join point
        }
        joinPointTimestamp = timestamp;
        return true;
    }

    private boolean carriesJoinableUnit(ByteBuffer payload) {
        int off = payload.position();
        int end = payload.limit();
        int headerSize = syntax.headerSize();
        if (end - off < headerSize) {
            return false;
        }
        int type = syntax.type(payload, off);
        if (syntax.isSingleNalUnit(type)) {
            return joinable(type);
        }
        if (type == syntax.aggregationType()) {
            // Aggregated units, each as a 16-bit size and the unit (RFC 6184 §5.7.1, RFC 7798 §4.4.2).
            int at = off + headerSize;
            while (at + 2 + headerSize <= end) {
                int size = payload.getShort(at) & 0xFFFF;
                if (size >= headerSize && joinable(syntax.type(payload, at + 2))) {
                    return true;
                }
                at += 2 + size;
            }
            return false;
        }
        if (type == syntax.fragmentType() && end - off >= syntax.fragmentOverhead()
                && (syntax.fuHeader(payload, off) & 0x80) != 0) {
            rebuiltHeader.clear();
            syntax.putHeaderFromFragment(rebuiltHeader, payload, off);
            return joinable(syntax.type(rebuiltHeader, 0));
        }
        return false;
    }

    private boolean joinable(int type) {
        return syntax.isRandomAccess(type) || syntax.parameterSetSlot(type) >= 0;
    }
}
