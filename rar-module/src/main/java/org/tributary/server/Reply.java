package org.tributary.server;

import org.tributary.rtsp.RtspResponse;

/**
 * What answering one request produced: the response to send (null when there is none, e.g. the POST half
 * of a tunnel), what to do once it is queued for the client (start streaming after PLAY, close after an
 * error), and how long it waits before it is sent (a slowed 401).
 */
public record Reply(RtspResponse response, Runnable afterSent, long holdBackMillis) {

    /** Nothing is sent for this request. */
    public static final Reply NONE = new Reply(null, null, 0);

    public static Reply of(RtspResponse response) {
        return new Reply(response, null, 0);
    }

    /** This reply, and {@code action} once its response is queued. */
    public Reply then(Runnable action) {
        return new Reply(response, action, holdBackMillis);
    }

    /** This reply, sent only after {@code millis}; the connection answers its later requests after it. */
    public Reply heldBack(long millis) {
        return new Reply(response, afterSent, millis);
    }
}
