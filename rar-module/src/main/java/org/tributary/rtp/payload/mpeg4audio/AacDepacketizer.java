package org.tributary.rtp.payload.mpeg4audio;

import java.nio.ByteBuffer;
import org.tributary.rtp.payload.AbstractDepacketizer;
import org.tributary.rtp.payload.AccessUnitSink;
import org.tributary.rtp.payload.MalformedPayloadException;

/**
 * RFC 3640 AAC-hbr (sizeLength=13, indexLength=3, indexDeltaLength=3): the AU-headers section, then the
 * access units it sizes. Several AUs in one payload follow each other by {@code samplesPerFrame} ticks;
 * an AU larger than one payload arrives in fragments (one header with the whole size, the marker on the
 * last). After a loss, fragments are dropped up to the next marker; whole AUs are taken at once.
 */
public final class AacDepacketizer extends AbstractDepacketizer {
    /** The largest AU the 13-bit AU-size field can describe. */
    private static final int MAX_AU_BYTES = (1 << 13) - 1;
    private final int samplesPerFrame;
    private int fragmentSize;
    private boolean droppingFragments;

    /** @param samplesPerFrame RTP ticks per AU: 1024 for AAC-LC at a clock of the sample rate */
    public AacDepacketizer(int samplesPerFrame) {
        super(MAX_AU_BYTES);
        this.samplesPerFrame = samplesPerFrame;
    }

    @Override
    protected boolean unitsSpanPackets() {
        return false;
    }

    @Override
    protected void abandonUnit() {
        droppingFragments = true;
    }

    @Override
    protected void depacketize(ByteBuffer payload, long timestamp, boolean marker, AccessUnitSink sink) {
        if (unitOpen() && unitTimestamp() != timestamp) {
            discardUnit(); // the rest of a fragmented AU never came
        }
        int start = payload.position();
        int end = payload.limit();
        if (end - start < 2) {
            throw new MalformedPayloadException("AAC payload without AU-headers-length");
        }
        int headerBits = payload.getShort(start) & 0xFFFF;
        if (headerBits == 0 || headerBits % 16 != 0) {
            throw new MalformedPayloadException("AU-headers-length " + headerBits + " is not a whole number of"
                    + " 16-bit AAC-hbr headers");
        }
        int headers = headerBits / 16;
        int data = start + 2 + headers * 2;
        if (data > end) {
            throw new MalformedPayloadException("AU headers run past the payload");
        }
        int firstSize = (payload.getShort(start + 2) & 0xFFFF) >>> 3;
        boolean fragment = headers == 1 && (firstSize != end - data || unitOpen());
        if (fragment) {
            fragment(payload, data, end, firstSize, timestamp, marker, sink);
            return;
        }
        droppingFragments = false;
        int total = 0;
        for (int i = 0; i < headers; i++) {
            total += (payload.getShort(start + 2 + 2 * i) & 0xFFFF) >>> 3;
        }
        if (total > end - data) {
            throw new MalformedPayloadException("AAC AUs of " + total + " bytes run past the payload");
        }
        for (int i = 0; i < headers; i++) {
            int size = (payload.getShort(start + 2 + 2 * i) & 0xFFFF) >>> 3;
            startUnit(timestamp + (long) i * samplesPerFrame);
            markKeyFrame();
            append(payload, data, size);
            emitUnit(sink);
            data += size;
        }
    }

    private void fragment(ByteBuffer payload, int data, int end, int size, long timestamp, boolean marker,
                          AccessUnitSink sink) {
        if (droppingFragments) {
            droppingFragments = !marker;
            return;
        }
        if (unitOpen() && size != fragmentSize) {
            throw new MalformedPayloadException("AAC fragment does not continue the AU being rebuilt");
        }
        if (!unitOpen()) {
            fragmentSize = size;
            startUnit(timestamp);
            markKeyFrame();
        }
        if (end - data > fragmentSize - unitSize()) {
            throw new MalformedPayloadException("AAC fragments exceed their AU-size of " + fragmentSize);
        }
        append(payload, data, end - data);
        if (unitSize() == fragmentSize) {
            emitUnit(sink);
        } else if (marker) {
            throw new MalformedPayloadException("AAC fragments end short of their AU-size " + fragmentSize);
        }
    }
}
