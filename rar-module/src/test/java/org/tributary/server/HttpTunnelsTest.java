package org.tributary.server;

import org.junit.jupiter.api.Test;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspRequest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpTunnelsTest {

    private static RtspRequest decode(String text) throws Exception {
        return (RtspRequest) new RtspDecoder(DecoderLimits.DEFAULTS)
                .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void tunnelHalvesAreToldApartFromPlainGets() throws Exception {
        assertTrue(HttpTunnels.isTunnelHalf(decode("GET /sample.mp4 HTTP/1.0\r\nx-sessioncookie: abc\r\n"
                + "Accept: application/x-rtsp-tunnelled\r\n\r\n")));
        assertTrue(HttpTunnels.isTunnelHalf(decode("GET /sample.mp4 HTTP/1.0\r\nAccept: application/x-rtsp-tunnelled\r\n\r\n")),
                "a tunnel GET without its cookie still goes to the tunnel (which answers 400)");
        assertTrue(HttpTunnels.isTunnelHalf(decode("POST /sample.mp4 HTTP/1.0\r\nx-sessioncookie: abc\r\n\r\n")));
        assertTrue(HttpTunnels.isTunnelHalf(decode("POST /sample.mp4 HTTP/1.0\r\nContent-Type: application/x-rtsp-tunnelled\r\n\r\n")));
        assertFalse(HttpTunnels.isTunnelHalf(decode("POST /sample.mp3 HTTP/1.1\r\nContent-Type: text/plain\r\n\r\n")),
                "a plain POST is answered by the MP3 service (405)");
        assertFalse(HttpTunnels.isTunnelHalf(decode("GET /sample.mp3 HTTP/1.1\r\nAccept: */*\r\nIcy-MetaData: 1\r\n\r\n")));
        assertFalse(HttpTunnels.isTunnelHalf(decode("HEAD /sample.mp3 HTTP/1.1\r\n\r\n")));
    }
}
