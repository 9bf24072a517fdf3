package org.tributary.loadtool.rtsp;

import java.io.IOException;

/** The server answered an RTSP-over-HTTP tunnel's GET with something other than 200. */
public final class TunnelRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public TunnelRefusedException(int status, String statusLine) {
        super("HTTP tunnel refused: " + statusLine);
        this.status = status;
    }

    /** The HTTP status code, or -1 if the answer was not HTTP. */
    public int status() {
        return status;
    }
}
