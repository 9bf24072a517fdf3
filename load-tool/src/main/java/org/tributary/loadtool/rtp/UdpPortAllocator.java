package org.tributary.loadtool.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

/**
 * Hands out RTP/RTCP socket pairs on consecutive even/odd local ports, skipping ports in use.
 * Thread-safe.
 */
public final class UdpPortAllocator {
    private static final int MAX_PORT = 65534;

    private final String bindAddress;
    private final int receiveBufferBytes;
    private final int firstPort;
    private int nextPort;

    /**
     * @param firstPort          lowest port to try (rounded up to even); 0 lets the system pick pairs
     * @param receiveBufferBytes SO_RCVBUF per socket (capped by net.core.rmem_max), 0 for the default
     */
    public UdpPortAllocator(String bindAddress, int firstPort, int receiveBufferBytes) {
        this.bindAddress = bindAddress;
        this.firstPort = firstPort <= 0 ? 0 : (firstPort + 1) & ~1;
        this.nextPort = this.firstPort;
        this.receiveBufferBytes = receiveBufferBytes;
    }

    /** Opens a bound pair: RTP on an even port, RTCP on the next. */
    public UdpPortPair open() throws IOException {
        int attempts = 0;
        while (attempts++ < 2000) {
            int port = nextEvenPort();
            DatagramChannel rtp = null;
            DatagramChannel rtcp = null;
            try {
                rtp = openBound(port);
                int rtpPort = ((InetSocketAddress) rtp.getLocalAddress()).getPort();
                if ((rtpPort & 1) != 0) {
                    rtp.close();
                    continue;
                }
                rtcp = openBound(rtpPort + 1);
                return new UdpPortPair(rtp, rtcp, rtpPort);
            } catch (IOException e) {
                if (rtp != null) {
                    rtp.close();
                }
                if (rtcp != null) {
                    rtcp.close();
                }
                if (port == 0 && attempts > 1000) {
                    throw e;
                }
            }
        }
        throw new IOException("no free UDP port pair from " + firstPort);
    }

    private synchronized int nextEvenPort() throws IOException {
        if (firstPort == 0) {
            return 0;
        }
        if (nextPort > MAX_PORT - 1) {
            nextPort = firstPort;
        }
        int port = nextPort;
        nextPort += 2;
        return port;
    }

    private DatagramChannel openBound(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            if (receiveBufferBytes > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            }
            channel.bind(new InetSocketAddress(bindAddress, port));
            channel.configureBlocking(false);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }
}
