package org.tributary.rtsp.header;

/**
 * A well-formed Transport header none of whose alternatives the server can serve; answered with
 * 461 Unsupported Transport rather than 400.
 */
public class UnsupportedTransportException extends HeaderParseException {

    private static final long serialVersionUID = 1L;

    public UnsupportedTransportException(String problem) {
        super(Transport.HEADER, problem);
    }

    @Override
    public int statusCode() {
        return 461;
    }
}
