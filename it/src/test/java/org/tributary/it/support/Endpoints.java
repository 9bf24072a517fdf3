package org.tributary.it.support;

/**
 * Where the server under test listens. Defaults are the standard ports; a second build on the same
 * machine can move everything with -Dit.port.offset, -Dit.rtsp.port and -Dit.rtp.port (see it/pom.xml).
 * Inside the server (in-container tests) the adapter's own property gives the RTSP port.
 */
public final class Endpoints {

    public static final int RTSP_PORT = Integer.getInteger("it.rtsp.port", Integer.getInteger("tributary.rtsp.port", 8554));
    public static final int HTTP_PORT = 8080 + Integer.getInteger("it.port.offset",
            Integer.getInteger("jboss.socket.binding.port-offset", 0));
    public static final String RTSP = "rtsp://127.0.0.1:" + RTSP_PORT + "/";
    /** The second port, for RTSP-over-HTTP tunnels. */
    public static final int TUNNEL_PORT = Integer.getInteger("it.tunnel.port",
            Integer.getInteger("tributary.rtsp.http-tunnel-port", 8001));
    public static final String HTTP = "http://127.0.0.1:" + HTTP_PORT + "/tributary";

    private Endpoints() {
    }
}
