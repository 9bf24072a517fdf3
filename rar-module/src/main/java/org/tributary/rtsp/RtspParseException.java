package org.tributary.rtsp;

/**
 * Input that cannot be an RTSP message, with the status to answer before the connection is closed.
 */
public class RtspParseException extends Exception {

    private final RtspStatus status;

    public RtspParseException(RtspStatus status, String message) {
        super(message);
        this.status = status;
    }

    public RtspStatus status() {
        return status;
    }
}
