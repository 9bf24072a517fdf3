package org.tributary.rtp.payload;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What every depacketizer shares: sequence tracking, the unit being built (grown up to a cap), and the
 * recovery after a loss or a malformed payload: the unit being built is discarded and, for formats
 * whose units span packets, the rest of the damaged unit (packets with its timestamp up to its marker)
 * is skipped.
 */
public abstract class AbstractDepacketizer implements Depacketizer {
    /** Default cap: far above any real frame, small enough that a hostile stream cannot exhaust memory. */
    public static final int DEFAULT_MAX_UNIT_BYTES = 4 << 20;

    private final int maxUnitBytes;
    private byte[] unit = new byte[1024];
    private int size;
    private boolean open;
    private boolean keyFrame;
    private long unitTimestamp;
    private int expectedSequence = -1;
    private boolean skipping;
    private long skipTimestamp;
    private long discarded;

    protected AbstractDepacketizer(int maxUnitBytes) {
        if (maxUnitBytes < 1) {
            throw new IllegalArgumentException("max unit size must be positive: " + maxUnitBytes);
        }
        this.maxUnitBytes = maxUnitBytes;
    }

    @Override
    public final void push(int sequenceNumber, long timestamp, boolean marker, ByteBuffer payload,
                           AccessUnitSink sink) {
        int sequence = sequenceNumber & 0xFFFF;
        boolean gap = expectedSequence >= 0 && sequence != expectedSequence;
        expectedSequence = (sequence + 1) & 0xFFFF;
        if (gap) {
            boolean sameUnit = open && unitTimestamp == timestamp;
            abandonUnit();
            discardUnit();
            if (unitsSpanPackets()) {
                if (!sameUnit) {
                    discarded++; // the lost packets may have held the start of this unit too
                }
                skipUntilNextUnit(timestamp);
            }
        }
        if (skipping) {
            if (timestamp == skipTimestamp) {
                skipping = !marker;
                return;
            }
            skipping = false;
        }
        try {
            depacketize(payload.duplicate(), timestamp, marker, sink);
        } catch (MalformedPayloadException e) {
            boolean wasOpen = open;
            abandonUnit();
            discardUnit();
            if (!wasOpen) {
                discarded++;
            }
            if (unitsSpanPackets() && !marker) {
                skipUntilNextUnit(timestamp);
            }
            throw e;
        }
    }

    @Override
    public final long discardedUnits() {
        return discarded;
    }

    /** True for video formats, whose access units span several packets up to the marker. */
    protected abstract boolean unitsSpanPackets();

    /** Handles one payload (its own duplicate: position and limit may be moved freely). */
    protected abstract void depacketize(ByteBuffer payload, long timestamp, boolean marker, AccessUnitSink sink);

    /** Forgets any state of the unit being built; called before it is discarded after a loss or an error. */
    protected void abandonUnit() {
    }

    /** Starts a unit unless one is open. */
    protected final void startUnit(long timestamp) {
        if (!open) {
            open = true;
            size = 0;
            keyFrame = false;
            unitTimestamp = timestamp;
        }
    }

    protected final boolean unitOpen() {
        return open;
    }

    protected final long unitTimestamp() {
        return unitTimestamp;
    }

    protected final int unitSize() {
        return size;
    }

    protected final void markKeyFrame() {
        keyFrame = true;
    }

    /** Appends {@code len} bytes of {@code src} from absolute index {@code off} to the open unit. */
    protected final void append(ByteBuffer src, int off, int len) {
        ensureRoom(len);
        src.get(off, unit, size, len);
        size += len;
    }

    protected final void appendByte(int b) {
        ensureRoom(1);
        unit[size++] = (byte) b;
    }

    /** Appends a 4-byte big-endian length prefix. */
    protected final void appendLength(int length) {
        ensureRoom(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            unit[size++] = (byte) (length >>> shift);
        }
    }

    /** Overwrites four bytes at {@code index} of the open unit with a big-endian length. */
    protected final void patchLength(int index, int length) {
        for (int i = 0; i < 4; i++) {
            unit[index + i] = (byte) (length >>> (24 - 8 * i));
        }
    }

    /** The byte at {@code index} of the open unit. */
    protected final int unitByte(int index) {
        return unit[index] & 0xFF;
    }

    /** A copy of {@code len} bytes of the open unit from {@code index}. */
    protected final byte[] unitBytes(int index, int len) {
        return Arrays.copyOfRange(unit, index, index + len);
    }

    /** Hands the open unit to the sink (when it holds anything) and closes it. */
    protected final void emitUnit(AccessUnitSink sink) {
        if (!open) {
            return;
        }
        open = false;
        if (size > 0) {
            sink.accessUnit(new AccessUnit(unitTimestamp, keyFrame, Arrays.copyOf(unit, size)));
        }
    }

    /** Drops the open unit, counting it. */
    protected final void discardUnit() {
        if (open) {
            open = false;
            discarded++;
        }
    }

    private void skipUntilNextUnit(long timestamp) {
        skipping = true;
        skipTimestamp = timestamp;
    }

    private void ensureRoom(int more) {
        if ((long) size + more > maxUnitBytes) {
            throw new MalformedPayloadException("access unit larger than " + maxUnitBytes + " bytes");
        }
        if (size + more > unit.length) {
            unit = Arrays.copyOf(unit, (int) Math.min(maxUnitBytes, Math.max(size + more, 2L * unit.length)));
        }
    }
}
