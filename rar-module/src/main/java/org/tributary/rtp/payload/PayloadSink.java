package org.tributary.rtp.payload;

import java.nio.ByteBuffer;

/**
 * Receives the RTP payloads one media sample is split into. The buffer is only valid during the
 * call (it is reused).
 */
public interface PayloadSink {
    void payload(ByteBuffer payload, boolean marker);
}
