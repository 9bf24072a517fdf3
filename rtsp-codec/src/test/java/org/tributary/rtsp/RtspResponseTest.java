package org.tributary.rtsp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RtspResponseTest {

    @Test
    void encodesStatusLineHeadersAndBody() {
        RtspResponse r = new RtspResponse(RtspStatus.OK).header("cseq", "3")
                .body("application/sdp", "v=0\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n",
                new String(r.encode(), StandardCharsets.US_ASCII));
    }

    @Test
    void noContentLengthWithoutBody() {
        assertEquals("RTSP/1.0 454 Session Not Found\r\nCSeq: 1\r\n\r\n", new String(
                new RtspResponse(RtspStatus.SESSION_NOT_FOUND).header("CSeq", "1").encode(), StandardCharsets.US_ASCII));
    }
}
