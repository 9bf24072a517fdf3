package org.tributary.source;

import java.io.IOException;

/**
 * One client's position in a source. The engine asks when the next unit (a media sample, a hint sample,
 * a received live packet) is due and then has it emitted to a {@link PacketSink}. Not thread-safe: used
 * by one sender thread at a time.
 */
public interface SourceReader extends AutoCloseable {

    /** Returned by {@link #nextSendTimeMicros()} when nothing is left. */
    long END = Long.MAX_VALUE;

    /**
     * Moves to the last sync point (key frame) at or before {@code nptSeconds} in every track.
     *
     * @return where reading restarts, in seconds
     */
    double seek(double nptSeconds) throws IOException;

    /** When the next unit should leave, in microseconds of presentation time, or {@link #END}. */
    long nextSendTimeMicros();

    /** Emits every packet of the next unit, in order, then advances. */
    void emitNext(PacketSink sink) throws IOException;

    /** Packets this reader lost before the player took them: a live reader that fell behind its stream. */
    default long packetsDropped() {
        return 0;
    }

    /**
     * For a reader whose units arrive at times nobody knows in advance (live): {@code wake} is run from the
     * arriving side when a unit becomes available after none was, so the player need not poll for it.
     * Readers of files know their times and ignore it.
     */
    default void onReadable(Runnable wake) {
    }

    @Override
    void close();
}
