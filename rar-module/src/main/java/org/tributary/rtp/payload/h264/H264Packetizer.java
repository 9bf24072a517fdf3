package org.tributary.rtp.payload.h264;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.LengthPrefixedNals;
import org.tributary.rtp.payload.PayloadSink;

/**
 * RFC 6184 non-interleaved packetizer (packetization-mode=1) for AVCC samples, i.e. NAL units each
 * prefixed by a big-endian length of {@code nalLengthSize} bytes. NAL units that fit go out as
 * Single NAL unit packets, larger ones as FU-A fragments; the marker is set on the last packet of
 * the access unit. Optionally a STAP-A with SPS+PPS is sent before each IDR access unit so that
 * clients joining late can start decoding.
 */
public final class H264Packetizer implements Packetizer {
    static final int TYPE_IDR = 5;
    static final int TYPE_SPS = 7;
    static final int TYPE_STAP_A = 24;
    static final int TYPE_FU_A = 28;
    private static final int FU_A_OVERHEAD = 2;

    private final int nalLengthSize;
    private final int maxPayloadSize;
    private final ByteBuffer out;
    private boolean prependParameterSets;
    /** Prebuilt STAP-A payload, or null when none is configured or it would not fit one packet. */
    private ByteBuffer stapA;
    /** The parameter sets as single NAL units; used when the STAP-A does not fit. */
    private ByteBuffer[] parameterSetNals = new ByteBuffer[0];

    public H264Packetizer(int nalLengthSize, int maxPayloadSize) {
        if (nalLengthSize < 1 || nalLengthSize > 4) {
            throw new IllegalArgumentException("NAL length size must be 1..4, got " + nalLengthSize);
        }
        if (maxPayloadSize < FU_A_OVERHEAD + 1) {
            throw new IllegalArgumentException("max payload size too small for FU-A: " + maxPayloadSize);
        }
        this.nalLengthSize = nalLengthSize;
        this.maxPayloadSize = maxPayloadSize;
        this.out = ByteBuffer.allocate(maxPayloadSize);
    }

    /** Sets the SPS and PPS NAL units (with NAL header) used for the STAP-A before IDR access units. */
    public void setParameterSets(List<byte[]> sps, List<byte[]> pps) {
        List<byte[]> all = new ArrayList<>(sps);
        all.addAll(pps);
        int stapSize = 1;
        int forbiddenAndNri = 0;
        ByteBuffer[] nals = new ByteBuffer[all.size()];
        for (int i = 0; i < nals.length; i++) {
            byte[] nal = all.get(i);
            if (nal.length == 0 || nal.length > 0xFFFF) {
                throw new IllegalArgumentException("parameter set length out of range: " + nal.length);
            }
            nals[i] = ByteBuffer.wrap(nal.clone());
            stapSize += 2 + nal.length;
            // STAP-A F bit is the OR of the F bits, NRI is the maximum NRI (RFC 6184 §5.7)
            forbiddenAndNri = (forbiddenAndNri & 0x80) | (nal[0] & 0x80)
                    | Math.max(forbiddenAndNri & 0x60, nal[0] & 0x60);
        }
        parameterSetNals = nals;
        stapA = null;
        if (nals.length > 0 && stapSize <= maxPayloadSize) {
            ByteBuffer stap = ByteBuffer.allocate(stapSize);
            stap.put((byte) (forbiddenAndNri | TYPE_STAP_A));
            for (ByteBuffer nal : nals) {
                stap.putShort((short) nal.capacity());
                stap.put(nal.duplicate());
            }
            stapA = stap.flip();
        }
    }

    /** When true, IDR access units that carry no SPS of their own are preceded by the parameter sets. */
    public void setPrependParameterSetsBeforeIdr(boolean prepend) {
        this.prependParameterSets = prepend;
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) {
        int start = sample.position();
        int end = sample.limit();
        // First pass validates every length before anything is sent and finds the last NAL unit.
        int lastNalStart = -1;
        boolean idr = false;
        boolean hasSps = false;
        for (int pos = start; pos < end; ) {
            int len = nalLength(sample, pos, end);
            pos += nalLengthSize;
            if (len > 0) {
                int type = sample.get(pos) & 0x1F;
                idr |= type == TYPE_IDR;
                hasSps |= type == TYPE_SPS;
                lastNalStart = pos;
            }
            pos += len;
        }
        if (prependParameterSets && idr && !hasSps) {
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
        if (stapA != null) {
            out.clear();
            out.put(out.position(), stapA, 0, stapA.limit()).position(stapA.limit()).flip();
            sink.payload(out, false);
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
        // FU-A (RFC 6184 §5.8): the NAL header is not sent itself; its F and NRI go into the FU
        // indicator and its type into the FU header of every fragment.
        int nalHeader = src.get(off) & 0xFF;
        byte indicator = (byte) ((nalHeader & 0xE0) | TYPE_FU_A);
        int type = nalHeader & 0x1F;
        int pos = off + 1;
        int remaining = len - 1;
        boolean first = true;
        while (remaining > 0) {
            int chunk = Math.min(remaining, maxPayloadSize - FU_A_OVERHEAD);
            boolean last = chunk == remaining;
            out.clear();
            out.put(indicator);
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
