package org.tributary.loadtool.rtp;

import java.io.Closeable;
import java.nio.channels.DatagramChannel;

/** A bound RTP socket (even port) and its RTCP socket (port + 1). */
public record UdpPortPair(DatagramChannel rtp, DatagramChannel rtcp, int rtpPort) implements Closeable {
    public int rtcpPort() {
        return rtpPort + 1;
    }

    @Override
    public void close() {
        try {
            rtp.close();
        } catch (java.io.IOException ignored) {
            // closing anyway
        }
        try {
            rtcp.close();
        } catch (java.io.IOException ignored) {
            // closing anyway
        }
    }
}
