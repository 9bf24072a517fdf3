package org.tributary.loadtool.rtp;

import java.io.IOException;
import java.nio.channels.Selector;

/** A session driven by a {@link ReceiverLoop} once it is playing; all calls come from that loop's thread. */
public interface LoopSession {
    /** Registers the session's channels; an exception fails the session. */
    void register(Selector selector, long nowNanos) throws IOException;

    /** Periodic work: keep-alives, receiver reports, timeouts. */
    void onTick(long nowNanos);

    /** The run is over: send TEARDOWN (or just close). */
    void beginTeardown(long nowNanos);

    /** True once the session needs nothing more from the loop. */
    boolean finished(long nowNanos);

    /** Closes every channel; called once, after {@link #finished} or at the loop's end. */
    void closeAll();
}
