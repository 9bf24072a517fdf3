package org.tributary.rtp.payload.h265;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.LengthPrefixedNals;
import org.tributary.rtp.payload.PayloadSink;

/**
 * RFC 7798 packetizer for length-prefixed HEVC samples (hvc1/hev1): single NAL unit packets for
 * NAL units that fit, fragmentation units (type 49) otherwise, marker on the last packet of the
 * access unit. Optionally an aggregation packet (type 48) with VPS+SPS+PPS is sent before each IRAP
 * access unit that carries none of its own.
 */
public final class H265Packetizer implements Packetizer {
    static final int TYPE_AP = 48;
    static final int TYPE_FU = 49;
    private static final int FU_OVERHEAD = 3; // PayloadHdr (2) + FU header (1)

    private final int nalLengthSize;
    private final int maxPayloadSize;
    private final ByteBuffer out;
    private boolean prependParameterSets;
    private ByteBuffer aggregationPacket;
    private ByteBuffer[] parameterSetNals = new ByteBuffer[0];

    public H265Packetizer(int nalLengthSize, int maxPayloadSize) {
        if (nalLengthSize < 1 || nalLengthSize > 4) {
            throw new IllegalArgumentException("NAL length size must be 1..4, got " + nalLengthSize);
        }
        if (maxPayloadSize < FU_OVERHEAD + 1) {
            throw new IllegalArgumentException("max payload size too small for FU: " + maxPayloadSize);
        }
        this.nalLengthSize = nalLengthSize;
        this.maxPayloadSize = maxPayloadSize;
        this.out = ByteBuffer.allocate(maxPayloadSize);
    }

    /** Sets the VPS, SPS and PPS NAL units (with 2-byte NAL header) sent before IRAP access units. */
    public void setParameterSets(List<byte[]> vps, List<byte[]> sps, List<byte[]> pps) {
        List<byte[]> all = new ArrayList<>(vps);
        all.addAll(sps);
        all.addAll(pps);
        ByteBuffer[] nals = new ByteBuffer[all.size()];
        int apSize = 2;
        int forbidden = 0;
        int layerId = 63;
        int tid = 7;
        for (int i = 0; i < nals.length; i++) {
            byte[] nal = all.get(i);
            if (nal.length < 2 || nal.length > 0xFFFF) {
                throw new IllegalArgumentException("parameter set length out of range: " + nal.length);
            }
            nals[i] = ByteBuffer.wrap(nal.clone());
            apSize += 2 + nal.length;
            // AP header: F is the OR, LayerId and TID the lowest of the aggregated units (RFC 7798 §4.4.2)
            forbidden |= nal[0] & 0x80;
            layerId = Math.min(layerId, layerId(nal[0], nal[1]));
            tid = Math.min(tid, nal[1] & 0x07);
        }
        parameterSetNals = nals;
        aggregationPacket = null;
        if (nals.length > 0 && apSize <= maxPayloadSize) {
            ByteBuffer ap = ByteBuffer.allocate(apSize);
            ap.put((byte) (forbidden | (TYPE_AP << 1) | (layerId >>> 5)));
            ap.put((byte) (((layerId & 0x1F) << 3) | tid));
            for (ByteBuffer nal : nals) {
                ap.putShort((short) nal.capacity());
                ap.put(nal.duplicate());
            }
            aggregationPacket = ap.flip();
        }
    }

    /** When true, IRAP access units that carry no VPS/SPS of their own are preceded by the parameter sets. */
    public void setPrependParameterSetsBeforeIrap(boolean prepend) {
        this.prependParameterSets = prepend;
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) {
        int start = sample.position();
        int end = sample.limit();
        int lastNalStart = -1;
        boolean irap = false;
        boolean hasParameterSets = false;
        for (int pos = start; pos < end; ) {
            int len = nalLength(sample, pos, end);
            pos += nalLengthSize;
            if (len > 0) {
                if (len < 2) {
                    throw new IllegalArgumentException("HEVC NAL unit shorter than its header at offset " + pos);
                }
                int type = nalType(sample.get(pos));
                irap |= type >= 16 && type <= 23;
                hasParameterSets |= type == HevcDecoderConfig.TYPE_VPS || type == HevcDecoderConfig.TYPE_SPS;
                lastNalStart = pos;
            }
            pos += len;
        }
        if (prependParameterSets && irap && !hasParameterSets) {
            sendParameterSets(sink);
        }
        for (int pos = start; pos < end; ) {
            int len = nalLength(sample, pos, end);
            pos += nalLengthSize;
            if (len > 0) {
                sendNal(sample, pos, len, pos == lastNalStart, sink);
            }
            pos += len;
        }
    }

    static int nalType(byte firstHeaderByte) {
        return (firstHeaderByte >>> 1) & 0x3F;
    }

    private static int layerId(byte b0, byte b1) {
        return ((b0 & 0x01) << 5) | ((b1 & 0xF8) >>> 3);
    }

    private int nalLength(ByteBuffer sample, int pos, int end) {
        return LengthPrefixedNals.length(sample, pos, end, nalLengthSize);
    }

    private void sendParameterSets(PayloadSink sink) {
        if (aggregationPacket != null) {
            out.clear();
            copy(aggregationPacket, 0, aggregationPacket.limit());
            sink.payload(out.flip(), false);
            return;
        }
        for (ByteBuffer nal : parameterSetNals) {
            sendNal(nal, 0, nal.capacity(), false, sink);
        }
    }

    private void sendNal(ByteBuffer src, int off, int len, boolean lastOfAccessUnit, PayloadSink sink) {
        if (len <= maxPayloadSize) {
            out.clear();
            copy(src, off, len);
            sink.payload(out.flip(), lastOfAccessUnit);
            return;
        }
        // FU (RFC 7798 §4.4.3): PayloadHdr keeps F, LayerId and TID with Type=49; the FU header
        // carries S, E and the original type. The original 2-byte NAL header is not sent.
        byte b0 = src.get(off);
        byte b1 = src.get(off + 1);
        byte payloadHdr0 = (byte) ((b0 & 0x81) | (TYPE_FU << 1));
        int type = nalType(b0);
        int pos = off + 2;
        int remaining = len - 2;
        boolean first = true;
        while (remaining > 0) {
            int chunk = Math.min(remaining, maxPayloadSize - FU_OVERHEAD);
            boolean last = chunk == remaining;
            out.clear();
            out.put(payloadHdr0).put(b1);
            out.put((byte) ((first ? 0x80 : 0) | (last ? 0x40 : 0) | type));
            copy(src, pos, chunk);
            sink.payload(out.flip(), last && lastOfAccessUnit);
            pos += chunk;
            remaining -= chunk;
            first = false;
        }
    }

    private void copy(ByteBuffer src, int off, int len) {
        out.put(out.position(), src, off, len);
        out.position(out.position() + len);
    }
}
