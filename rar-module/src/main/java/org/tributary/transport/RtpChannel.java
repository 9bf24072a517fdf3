package org.tributary.transport;

import java.nio.ByteBuffer;

/** Where one track's packets go. Called from sender threads; never blocks. */
public interface RtpChannel {

    /** Sends one RTP packet (position..limit). Returns false when it had to be dropped. */
    boolean sendRtp(ByteBuffer packet);

    /** Sends one RTCP compound packet (position..limit). Returns false when it had to be dropped. */
    boolean sendRtcp(ByteBuffer packet);

    /** "udp" or "tcp" (interleaved) or "http" (tunnel), for logs and the admin console. */
    String kind();

    /** The session is over: release what the channel holds (not the shared sockets). */
    default void close() {
    }
}
