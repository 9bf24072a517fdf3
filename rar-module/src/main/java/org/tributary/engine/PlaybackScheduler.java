package org.tributary.engine;

/** Where a playback is handed to be paced: the {@link StreamingEngine}, or a test that pumps it by hand. */
@FunctionalInterface
public interface PlaybackScheduler {

    /** Starts pacing a playback; it runs until its pump returns {@link Playback#DONE}. */
    void schedule(Playback playback);
}
