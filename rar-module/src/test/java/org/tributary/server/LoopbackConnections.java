package org.tributary.server;

import org.tributary.rtsp.DecoderLimits;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Real connections for handler tests, without a selector: each is the server side of a loopback socket,
 * from a client address of the test's choosing (127.0.0.x), belonging to one unbound {@link RtspServer}.
 */
final class LoopbackConnections implements AutoCloseable {

    private final ServerSocketChannel listener;
    private final RtspServer server;
    private final ConnectionGuards guards;
    private final List<SocketChannel> sockets = new ArrayList<>();
    private long nextId;

    LoopbackConnections(ConnectionGuards guards) throws IOException {
        this.guards = guards;
        this.listener = ServerSocketChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        this.server = new RtspServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10,
                (request, connection) -> Reply.NONE, null, DecoderLimits.DEFAULTS, "Test", guards);
    }

    RtspServer server() {
        return server;
    }

    /** A connection from {@code from}, e.g. "127.0.0.2" (sessions belong to the client address and user). */
    RtspConnection from(String from) throws IOException {
        SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET);
        sockets.add(client);
        client.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        client.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"),
                ((InetSocketAddress) listener.getLocalAddress()).getPort()));
        SocketChannel accepted = listener.accept();
        sockets.add(accepted);
        return new RtspConnection(++nextId, accepted, server, (request, connection) -> Reply.NONE, null,
                DecoderLimits.DEFAULTS, guards);
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel socket : sockets) {
            socket.close();
        }
        listener.close();
    }
}
