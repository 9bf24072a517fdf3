package org.tributary.server;

import org.tributary.rtsp.RtspRequest;

/** Answers one request. Called on a worker thread, one request at a time per connection, in order. */
public interface RequestHandler {

    /** The answer, and what to do once it is queued; {@link Reply#NONE} when nothing is sent. */
    Reply handle(RtspRequest request, RtspConnection connection);

    /** The connection is gone (closed by either side); release what it held. */
    default void connectionClosed(RtspConnection connection) {
    }

    /** Whether a live session is set up through or carried on this connection (then it is not idle). */
    default boolean carriesSession(RtspConnection connection) {
        return false;
    }
}
