package org.tributary.rtp.payload.nal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.tributary.rtp.payload.LengthPrefixedNals;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.PayloadSink;

/**
 * Packetizer for length-prefixed NAL-unit samples (AVC and HEVC in MP4), parameterised by the
 * {@link NalSyntax} of the codec: NAL units that fit go out as single NAL unit packets, larger ones as
 * fragmentation units, and the marker is set on the last packet of the access unit. Optionally an
 * aggregation packet with the parameter sets is sent before each random-access unit that carries none
 * of its own, so that clients joining late can start decoding; when it would not fit one packet the
 * parameter sets go out as single NAL units instead.
 */
public final class NalUnitPacketizer implements Packetizer {

    private final NalSyntax syntax;
    private final int nalLengthSize;
    private final int maxPayloadSize;
    private final ByteBuffer out;
    private boolean prependParameterSets;
    /** Prebuilt aggregation packet, or null when none is configured or it would not fit one packet. */
    private ByteBuffer aggregationPacket;
    /** The parameter sets as single NAL units; used when the aggregation packet does not fit. */
    private ByteBuffer[] parameterSetNals = new ByteBuffer[0];

    public NalUnitPacketizer(NalSyntax syntax, int nalLengthSize, int maxPayloadSize) {
        if (nalLengthSize < 1 || nalLengthSize > 4) {
            throw new IllegalArgumentException("NAL length size must be 1..4, got " + nalLengthSize);
        }
        if (maxPayloadSize < syntax.fragmentOverhead() + 1) {
            throw new IllegalArgumentException("max payload size too small for fragmentation units: "
                    + maxPayloadSize);
        }
        this.syntax = syntax;
        this.nalLengthSize = nalLengthSize;
        this.maxPayloadSize = maxPayloadSize;
        this.out = ByteBuffer.allocate(maxPayloadSize);
    }

    /** Sets the parameter set NAL units (each with its header), in the order they are to be sent. */
    public void setParameterSets(List<byte[]> parameterSets) {
        List<byte[]> all = new ArrayList<>(parameterSets.size());
        int aggregateSize = syntax.headerSize();
        for (byte[] nal : parameterSets) {
            if (nal.length < syntax.headerSize() || nal.length > 0xFFFF) {
                throw new IllegalArgumentException("parameter set length out of range: " + nal.length);
            }
            all.add(nal.clone());
            aggregateSize += 2 + nal.length;
        }
        ByteBuffer[] nals = new ByteBuffer[all.size()];
        for (int i = 0; i < nals.length; i++) {
            nals[i] = ByteBuffer.wrap(all.get(i));
        }
        parameterSetNals = nals;
        aggregationPacket = null;
        if (nals.length > 0 && aggregateSize <= maxPayloadSize) {
            ByteBuffer packet = ByteBuffer.allocate(aggregateSize);
            syntax.putAggregationHeader(packet, all);
            for (ByteBuffer nal : nals) {
                packet.putShort((short) nal.capacity());
                packet.put(nal.duplicate());
            }
            aggregationPacket = packet.flip();
        }
    }

    /** When true, random-access units that carry no parameter sets of their own are preceded by them. */
    public void setPrependParameterSets(boolean prepend) {
        this.prependParameterSets = prepend;
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) {
        int start = sample.position();
        int end = sample.limit();
        // First pass validates every length before anything is sent and finds the last NAL unit.
        int lastNalStart = -1;
        boolean randomAccess = false;
        boolean hasParameterSets = false;
        for (int pos = start; pos < end; ) {
            int len = nalLength(sample, pos, end);
            pos += nalLengthSize;
            if (len > 0) {
                if (len < syntax.headerSize()) {
                    throw new IllegalArgumentException("NAL unit shorter than its header at offset " + pos);
                }
                int type = syntax.type(sample, pos);
                randomAccess |= syntax.isRandomAccess(type);
                hasParameterSets |= syntax.isInBandParameterSet(type);
                lastNalStart = pos;
            }
            pos += len;
        }
        if (prependParameterSets && randomAccess && !hasParameterSets) {
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
        // The NAL unit header is not sent itself: its fields go into the header of every fragment.
        int pos = off + syntax.headerSize();
        int remaining = len - syntax.headerSize();
        boolean first = true;
        while (remaining > 0) {
            int chunk = Math.min(remaining, maxPayloadSize - syntax.fragmentOverhead());
            boolean last = chunk == remaining;
            out.clear();
            syntax.putFragmentHeader(out, src, off, first, last);
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
