package org.tributary.engine;

/** Something the engine paces: a playing session today, any packet stream later. */
public interface Playback {

    /** Returned by {@link #pump(long)} when the playback is over and must leave the engine. */
    long DONE = -1;

    /**
     * Sends everything due at {@code nowNanos} (System.nanoTime) and returns when it next needs to run,
     * or {@link #DONE}. Must not block.
     */
    long pump(long nowNanos);
}
