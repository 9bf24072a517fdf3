package org.tributary.session;

import java.net.InetSocketAddress;

/**
 * What every RTSP session is: a reader session plays a presentation to a client ({@link RtspSession},
 * PLAY), a publisher session feeds a stream from a client ({@link PublisherSession}, RECORD).
 */
public sealed interface Session permits RtspSession, PublisherSession {

    String id();

    /** The canonical path of the presentation played or the stream published. */
    String presentationPath();

    InetSocketAddress client();

    /** Ends the session; a second call does nothing. */
    void close(String reason);
}
