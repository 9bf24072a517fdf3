package org.tributary.stream;

/**
 * How much a stream keeps in memory.
 *
 * @param ringPackets   recent packets kept per track
 * @param gopPackets    packets kept since the last key frame at most; a longer GOP is not kept (joiners
 *                      then start at the live edge)
 * @param readerPackets packets queued per reader before its newest ones are dropped
 */
public record StreamLimits(int ringPackets, int gopPackets, int readerPackets) {

    public static final StreamLimits DEFAULT = new StreamLimits(256, 4096, 2048);

    public StreamLimits {
        if (ringPackets < 1 || gopPackets < 0 || readerPackets < 1) {
            throw new IllegalArgumentException("stream limits " + ringPackets + "/" + gopPackets + "/" + readerPackets);
        }
    }
}
