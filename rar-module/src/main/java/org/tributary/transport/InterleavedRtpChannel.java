package org.tributary.transport;

import java.nio.ByteBuffer;

/**
 * Sends packets inside the client's RTSP connection ({@code $}, channel, length, packet; RFC 2326
 * §10.12), or inside the GET half of an RTSP-over-HTTP tunnel. A client that reads too slowly has
 * packets dropped, never the server blocked.
 */
public final class InterleavedRtpChannel implements RtpChannel {

    private final InterleavedWriter connection;
    private final int rtpChannel;
    private final int rtcpChannel;
    private final String kind;
    private ByteBuffer frame = ByteBuffer.allocate(2048);

    public InterleavedRtpChannel(InterleavedWriter connection, int rtpChannel, int rtcpChannel, String kind) {
        this.connection = connection;
        this.rtpChannel = rtpChannel;
        this.rtcpChannel = rtcpChannel;
        this.kind = kind;
    }

    @Override
    public boolean sendRtp(ByteBuffer packet) {
        return send(rtpChannel, packet);
    }

    @Override
    public boolean sendRtcp(ByteBuffer packet) {
        return send(rtcpChannel, packet);
    }

    private synchronized boolean send(int channel, ByteBuffer packet) {
        int length = packet.remaining();
        if (length > 65535) {
            return false;
        }
        if (4 + length > frame.capacity()) {
            frame = ByteBuffer.allocate(4 + Math.max(length, 2 * frame.capacity()));
        }
        frame.clear();
        frame.put((byte) '$').put((byte) channel).putShort((short) length).put(packet);
        frame.flip();
        return connection.sendMedia(frame);
    }

    @Override
    public String kind() {
        return kind;
    }

    public int rtpChannel() {
        return rtpChannel;
    }

    public int rtcpChannel() {
        return rtcpChannel;
    }
}
