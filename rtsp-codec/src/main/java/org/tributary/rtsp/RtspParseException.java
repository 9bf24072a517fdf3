package org.tributary.rtsp;

/**
 * Input that cannot be an RTSP message, with the status to answer before the connection is closed.
 */
public class RtspParseException extends Exception {

    private final RtspStatus status;
    private boolean http;

    public RtspParseException(RtspStatus status, String message) {
        super(message);
        this.status = status;
    }

    public RtspStatus status() {
        return status;
    }

    /** Whether the refused message's request line named HTTP: then the answer needs an HTTP status line. */
    public boolean http() {
        return http;
    }

    RtspParseException http(boolean http) {
        this.http = http;
        return this;
    }
}
