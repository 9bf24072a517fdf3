package org.tributary.stream;

/**
 * How much a stream keeps in memory.
 *
 * @param ringPackets   recent packets kept per track
 * @param gopPackets    packets kept since the last key frame at most; a longer GOP is not kept (joiners
 *                      then start at the live edge)
 * @param readerPackets packets queued per reader before its newest ones are dropped
 * @param gopBytes      payload bytes kept since the last key frame at most, like {@code gopPackets}
 */
public record StreamLimits(int ringPackets, int gopPackets, int readerPackets, long gopBytes) {

    /** The GOP bound in bytes when none is given: 8 MiB, a 10 s GOP at 6 Mbit/s. */
    public static final long DEFAULT_GOP_BYTES = 8L << 20;

    public static final StreamLimits DEFAULT = new StreamLimits(256, 4096, 2048);

    public StreamLimits {
        if (ringPackets < 1 || gopPackets < 0 || readerPackets < 1 || gopBytes < 0) {
            throw new IllegalArgumentException("stream limits " + ringPackets + "/" + gopPackets + "/" + readerPackets
                    + "/" + gopBytes);
        }
    }

    public StreamLimits(int ringPackets, int gopPackets, int readerPackets) {
        this(ringPackets, gopPackets, readerPackets, DEFAULT_GOP_BYTES);
    }
}
