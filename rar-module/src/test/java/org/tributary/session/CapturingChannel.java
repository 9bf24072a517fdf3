package org.tributary.session;

import org.tributary.transport.RtpChannel;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** An RtpChannel for tests: keeps a copy of every packet, or refuses them all while {@code refuse} is set. */
final class CapturingChannel implements RtpChannel {

    final List<ByteBuffer> rtp = new ArrayList<>();
    final List<ByteBuffer> rtcp = new ArrayList<>();
    boolean refuse;
    boolean closed;

    private static ByteBuffer copy(ByteBuffer packet) {
        ByteBuffer copy = ByteBuffer.allocate(packet.remaining());
        copy.put(packet.duplicate()).flip();
        return copy;
    }

    @Override
    public boolean sendRtp(ByteBuffer packet) {
        if (refuse) {
            return false;
        }
        rtp.add(copy(packet));
        return true;
    }

    @Override
    public boolean sendRtcp(ByteBuffer packet) {
        rtcp.add(copy(packet));
        return true;
    }

    @Override
    public String kind() {
        return "test";
    }

    @Override
    public void close() {
        closed = true;
    }
}
