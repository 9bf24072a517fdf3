package org.tributary.rtp.payload.amr;

import java.nio.ByteBuffer;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.PayloadSink;

/**
 * RFC 4867 octet-aligned AMR-NB packetizer. The sample is a run of AMR storage-format frames
 * (§5.3: a header byte {@code P|FT|Q|PP} followed by the speech bits padded to whole octets).
 * Each payload is CMR=15 (no mode request), the table of contents (one byte per frame, F=1 on all
 * but the last) and then the frame data; as many whole frames as fit go into one payload.
 *
 * <p>A sample that needs more than one payload spans several 20 ms frame blocks, so later payloads
 * need a later RTP timestamp: during the {@link PayloadSink} call, {@link #payloadTimestampOffset()}
 * gives the offset in 8 kHz ticks to add to the sample's timestamp.
 */
public final class AmrPacketizer implements Packetizer {
    /** Speech data bytes per frame type for AMR-NB (3GPP TS 26.101 bit counts rounded up to octets). */
    private static final int[] FRAME_BYTES = {12, 13, 15, 17, 19, 20, 26, 31, 5, -1, -1, -1, -1, -1, -1, 0};
    static final int FT_SID = 8;
    static final int FT_NO_DATA = 15;
    static final int CMR_NO_REQUEST = 0xF0; // CMR=15, 4 reserved bits
    static final int SAMPLES_PER_FRAME = 160;
    /** CMR + one TOC byte + the largest (12.2 kbit/s) frame. */
    static final int MIN_PAYLOAD_SIZE = 1 + 1 + 31;

    private final int maxPayloadSize;
    private final ByteBuffer out;
    private boolean previousWasSpeech;
    private int timestampOffset;

    public AmrPacketizer(int maxPayloadSize) {
        if (maxPayloadSize < MIN_PAYLOAD_SIZE) {
            throw new IllegalArgumentException("max payload size must be at least " + MIN_PAYLOAD_SIZE
                    + ", got " + maxPayloadSize);
        }
        this.maxPayloadSize = maxPayloadSize;
        this.out = ByteBuffer.allocate(maxPayloadSize);
    }

    /** Data bytes after the storage header byte for frame type {@code ft}, or -1 if not valid for AMR-NB. */
    public static int frameDataSize(int ft) {
        return FRAME_BYTES[ft & 0x0F];
    }

    /** Ticks (8 kHz) between the sample timestamp and the payload being delivered; valid during the sink call. */
    @Override
    public int payloadTimestampOffset() {
        return timestampOffset;
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) {
        int start = sample.position();
        int end = sample.limit();
        validate(sample, start, end);
        int framesBefore = 0;
        int pos = start;
        while (pos < end) {
            // Choose how many frames fit: 1 CMR byte, then per frame one TOC byte plus its data.
            int frames = 0;
            int bytes = 1;
            for (int p = pos; p < end; ) {
                int frameBytes = 1 + frameDataSize(ftAt(sample, p));
                if (bytes + frameBytes > maxPayloadSize) {
                    break;
                }
                bytes += frameBytes;
                frames++;
                p += frameBytes;
            }
            out.clear();
            out.put((byte) CMR_NO_REQUEST);
            int dataPos = 1 + frames;
            int p = pos;
            boolean firstIsSpeech = ftAt(sample, p) < FT_SID;
            boolean lastIsSpeech = false;
            for (int i = 0; i < frames; i++) {
                int header = sample.get(p) & 0xFF;
                int ft = (header >>> 3) & 0x0F;
                int size = frameDataSize(ft);
                // TOC entry: F|FT|Q|PP; the storage header already has FT and Q in the same bits.
                out.put(1 + i, (byte) ((header & 0x7C) | (i < frames - 1 ? 0x80 : 0)));
                out.put(dataPos, sample, p + 1, size);
                dataPos += size;
                p += 1 + size;
                lastIsSpeech = ft < FT_SID;
            }
            out.position(dataPos).flip();
            // M=1 when the first frame starts a talkspurt (RFC 4867 §4.1)
            boolean marker = firstIsSpeech && !previousWasSpeech;
            previousWasSpeech = lastIsSpeech;
            timestampOffset = framesBefore * SAMPLES_PER_FRAME;
            sink.payload(out, marker);
            framesBefore += frames;
            pos = p;
        }
        timestampOffset = 0;
    }

    private static int ftAt(ByteBuffer sample, int pos) {
        return (sample.get(pos) >>> 3) & 0x0F;
    }

    /** Walks the frames once so that a corrupt sample is rejected before any payload is sent. */
    private static void validate(ByteBuffer sample, int start, int end) {
        for (int pos = start; pos < end; ) {
            int ft = ftAt(sample, pos);
            int size = frameDataSize(ft);
            if (size < 0) {
                throw new IllegalArgumentException("AMR-NB frame type " + ft + " at offset " + pos
                        + " is reserved or not supported");
            }
            if (end - pos - 1 < size) {
                throw new IllegalArgumentException("AMR frame of type " + ft + " at offset " + pos
                        + " is truncated");
            }
            pos += 1 + size;
        }
    }
}
