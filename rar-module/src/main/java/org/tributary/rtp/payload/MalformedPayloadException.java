package org.tributary.rtp.payload;

import org.tributary.rtp.MalformedPacketException;

/** A received RTP payload that does not follow its payload format; the message names the problem. */
public class MalformedPayloadException extends MalformedPacketException {
    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message);
    }
}
