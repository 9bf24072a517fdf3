package org.tributary.rtsp.header;

/**
 * A header value that cannot be understood; the RTSP layer answers 400 Bad Request.
 * The message names the header and the offending part, e.g. {@code Transport: invalid client_port 'abc'}.
 */
public class HeaderParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String header;

    public HeaderParseException(String header, String problem) {
        super(header + ": " + problem);
        this.header = header;
    }

    /** The header name, e.g. {@code Transport}. */
    public String header() {
        return header;
    }

    /** The RTSP status code to answer with. */
    public int statusCode() {
        return 400;
    }
}
