package org.tributary.rtp.payload.nal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.tributary.rtp.payload.AbstractDepacketizer;
import org.tributary.rtp.payload.AccessUnitSink;
import org.tributary.rtp.payload.MalformedPayloadException;

/**
 * Rebuilds access units of 4-byte length-prefixed NAL units from single NAL unit, aggregation
 * (STAP-A, AP) and fragmentation (FU-A, FU) packets of the non-interleaved mode, for the codec whose
 * {@link NalSyntax} it is given. An access unit ends with the marker or when the timestamp changes; it
 * is a key frame when it holds a random-access NAL unit (IDR, IRAP). The latest parameter set of each
 * kind is kept for the stream's description.
 */
public final class NalUnitDepacketizer extends AbstractDepacketizer {
    private final NalSyntax syntax;
    private final byte[][] parameterSets;
    private final ByteBuffer header;
    /** Where the length prefix of the fragmented NAL unit being rebuilt starts, or -1. */
    private int fragmentStart = -1;

    public NalUnitDepacketizer(NalSyntax syntax, int maxUnitBytes) {
        super(maxUnitBytes);
        this.syntax = syntax;
        this.parameterSets = new byte[syntax.parameterSetSlots()][];
        this.header = ByteBuffer.allocate(syntax.headerSize());
    }

    public NalUnitDepacketizer(NalSyntax syntax) {
        this(syntax, DEFAULT_MAX_UNIT_BYTES);
    }

    /** The latest parameter set of each kind seen so far, in slot order (SPS, PPS; VPS, SPS, PPS). */
    public List<byte[]> parameterSets() {
        List<byte[]> sets = new ArrayList<>();
        for (byte[] set : parameterSets) {
            if (set != null) {
                sets.add(set.clone());
            }
        }
        return sets;
    }

    @Override
    protected boolean unitsSpanPackets() {
        return true;
    }

    @Override
    protected void depacketize(ByteBuffer payload, long timestamp, boolean marker, AccessUnitSink sink) {
        if (unitOpen() && timestamp != unitTimestamp()) {
            finishUnit(sink);
        }
        startUnit(timestamp);
        int off = payload.position();
        int len = payload.remaining();
        if (len < syntax.headerSize()) {
            throw new MalformedPayloadException("payload of " + len + " bytes is shorter than the NAL header");
        }
        int type = syntax.type(payload, off);
        if (fragmentStart >= 0 && type != syntax.fragmentType()) {
            throw new MalformedPayloadException("fragmented NAL unit interrupted by packet type " + type);
        }
        if (type == syntax.fragmentType()) {
            fragment(payload, off, len);
        } else if (type == syntax.aggregationType()) {
            aggregate(payload, off, len);
        } else if (syntax.isSingleNalUnit(type)) {
            appendNal(payload, off, len);
        } else {
            throw new MalformedPayloadException("unsupported packet type " + type);
        }
        if (marker) {
            finishUnit(sink);
        }
    }

    @Override
    protected void abandonUnit() {
        fragmentStart = -1;
    }

    private void finishUnit(AccessUnitSink sink) {
        if (fragmentStart >= 0) {
            fragmentStart = -1;
            discardUnit(); // the unit ended inside a fragmented NAL unit
        } else {
            emitUnit(sink);
        }
    }

    private void appendNal(ByteBuffer src, int off, int len) {
        appendLength(len);
        append(src, off, len);
        noteNal(syntax.type(src, off), src, off, len);
    }

    private void aggregate(ByteBuffer src, int off, int len) {
        int end = off + len;
        int pos = off + syntax.headerSize();
        if (pos == end) {
            throw new MalformedPayloadException("aggregation packet without NAL units");
        }
        while (pos < end) {
            if (end - pos < 2) {
                throw new MalformedPayloadException("truncated NAL unit size in aggregation packet");
            }
            int size = src.getShort(pos) & 0xFFFF;
            pos += 2;
            if (size < syntax.headerSize() || size > end - pos) {
                throw new MalformedPayloadException("aggregated NAL unit of " + size + " bytes does not fit");
            }
            int type = syntax.type(src, pos);
            if (!syntax.isSingleNalUnit(type)) {
                throw new MalformedPayloadException("aggregated NAL unit of packet type " + type);
            }
            appendNal(src, pos, size);
            pos += size;
        }
    }

    private void fragment(ByteBuffer src, int off, int len) {
        int overhead = syntax.fragmentOverhead();
        if (len <= overhead) {
            throw new MalformedPayloadException("fragment of " + len + " bytes carries no data");
        }
        int fu = syntax.fuHeader(src, off);
        boolean start = (fu & 0x80) != 0;
        boolean end = (fu & 0x40) != 0;
        if (start && end) {
            throw new MalformedPayloadException("fragment with both start and end bits");
        }
        if (start == (fragmentStart >= 0)) {
            throw new MalformedPayloadException(start ? "fragment start inside a fragmented NAL unit"
                    : "fragment continuation without a start");
        }
        if (start) {
            header.clear();
            syntax.putHeaderFromFragment(header, src, off);
            int type = syntax.type(header, 0);
            if (!syntax.isSingleNalUnit(type)) {
                throw new MalformedPayloadException("fragmented NAL unit of packet type " + type);
            }
            fragmentStart = unitSize();
            appendLength(0);
            append(header, 0, header.capacity());
        }
        append(src, off + overhead, len - overhead);
        if (end) {
            int nalStart = fragmentStart + 4;
            int nalLength = unitSize() - nalStart;
            patchLength(fragmentStart, nalLength);
            fragmentStart = -1;
            header.clear();
            for (int i = 0; i < header.capacity(); i++) {
                header.put(i, (byte) unitByte(nalStart + i));
            }
            int type = syntax.type(header, 0);
            if (syntax.isRandomAccess(type)) {
                markKeyFrame();
            }
            int slot = syntax.parameterSetSlot(type);
            if (slot >= 0) {
                parameterSets[slot] = unitBytes(nalStart, nalLength);
            }
        }
    }

    private void noteNal(int type, ByteBuffer src, int off, int len) {
        if (syntax.isRandomAccess(type)) {
            markKeyFrame();
        }
        int slot = syntax.parameterSetSlot(type);
        if (slot >= 0) {
            byte[] set = new byte[len];
            src.get(off, set);
            parameterSets[slot] = set;
        }
    }
}
