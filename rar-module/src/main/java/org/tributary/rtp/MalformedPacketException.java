package org.tributary.rtp;

/** An RTP or RTCP packet that cannot be parsed; the message names the problem. */
public class MalformedPacketException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }
}
