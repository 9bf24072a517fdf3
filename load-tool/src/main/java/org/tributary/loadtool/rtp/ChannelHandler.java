package org.tributary.loadtool.rtp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;

/** What a selection key's attachment does when its channel is ready. */
public interface ChannelHandler {
    /**
     * @param scratch a receive buffer owned by the calling thread, free for the call's duration
     */
    void onReady(SelectionKey key, long nowNanos, ByteBuffer scratch) throws IOException;

    /** The channel failed; the handler's session decides what that means. */
    void onFailure(IOException error);
}
