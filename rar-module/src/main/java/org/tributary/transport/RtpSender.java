package org.tributary.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** One thread's own socket on the server's RTP port. Used only by the thread it was made for. */
interface RtpSender extends AutoCloseable {

    /** Sends (or queues, for a batch) one packet, position..limit. False when it had to be dropped. */
    boolean send(ByteBuffer packet, InetSocketAddress to);

    @Override
    void close();
}
