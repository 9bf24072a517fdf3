package org.tributary.ra;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;

/** The real {@link SettingsCheck.Probe}: binds a socket for a moment, asks the network interfaces. */
final class SocketProbe implements SettingsCheck.Probe {

    @Override
    public String tcpPortProblem(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the RTSP listener does: a port in TIME_WAIT is free
            socket.bind(new InetSocketAddress(address, port));
            return null;
        } catch (IOException e) {
            return e.getMessage() == null ? "in use" : e.getMessage();
        }
    }

    @Override
    public String udpPortProblem(InetAddress address, int port) {
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(address, port));
            return null;
        } catch (IOException e) {
            return e.getMessage() == null ? "in use" : e.getMessage();
        }
    }

    @Override
    public boolean isLocal(InetAddress address) {
        try {
            return address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
