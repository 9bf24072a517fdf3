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

    /**
     * Called once when the playback is scheduled, with a handle that makes it due now from any thread (cheap,
     * never blocks; waking a playback that is already due or done does nothing). A playback whose next unit
     * comes at an unknown time (a live stream) returns a late due time from {@link #pump} and is woken when
     * the unit arrives, instead of polling.
     */
    default void wakeWith(Runnable wake) {
    }
}
