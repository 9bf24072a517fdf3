package org.tributary.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The server ports publishers send their UDP RTP to: an even RTP port and the RTCP port above it, taken from a
 * configured range for each track of each broadcast and given back when it ends. A port another program
 * holds is skipped; a full range is an error the caller turns into a refusal.
 */
public final class ReceivePortPairs {

    /** One pair opened for a track: its RTP port (RTCP is the next) and what closes both. */
    public record Pair(int rtpPort, UdpEndpoint.Registration registration) {
        public int rtcpPort() {
            return rtpPort + 1;
        }
    }

    private final UdpReceivers receivers;
    private final InetAddress bindAddress;
    private int first;
    private int last;
    /** Where the next search starts, so that a freed pair is not reused at once. */
    private int cursor;

    /**
     * @param first the lowest port of the range (rounded up to even)
     * @param last  the highest port of the range
     */
    public ReceivePortPairs(UdpReceivers receivers, InetAddress bindAddress, int first, int last) {
        this.receivers = receivers;
        this.bindAddress = bindAddress;
        range(first, last);
    }

    /** The range for pairs opened from now on; open pairs stay. */
    public synchronized void range(int first, int last) {
        this.first = first + (first & 1);
        this.last = last;
        this.cursor = this.first;
    }

    /**
     * Opens the next free pair: RTP to {@code rtp}, RTCP to {@code rtcp}.
     *
     * @throws IOException when no pair of the range is free
     */
    public synchronized Pair open(UdpReceivers.Listener rtp, UdpReceivers.Listener rtcp) throws IOException {
        int pairs = Math.max(0, (last - first + 1) / 2);
        for (int tried = 0; tried < pairs; tried++) {
            int port = cursor;
            cursor = cursor + 2 > last - 1 ? first : cursor + 2;
            UdpEndpoint.Registration rtpPort;
            try {
                rtpPort = receivers.open(bindAddress, port, null, null, rtp);
            } catch (IOException e) {
                continue; // held by someone else
            }
            try {
                UdpEndpoint.Registration rtcpPort = receivers.open(bindAddress, port + 1, null, null, rtcp);
                return new Pair(port, () -> {
                    rtpPort.close();
                    rtcpPort.close();
                });
            } catch (IOException e) {
                rtpPort.close();
            }
        }
        throw new IOException("no free UDP port pair in " + first + "-" + last);
    }

    /** Whether a datagram comes from the publisher's address (any port: encoders send from where they like). */
    public static boolean from(InetSocketAddress sender, InetAddress publisher) {
        return sender.getAddress().equals(publisher);
    }
}
