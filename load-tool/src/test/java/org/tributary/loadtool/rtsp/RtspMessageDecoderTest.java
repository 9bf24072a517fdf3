package org.tributary.loadtool.rtsp;

import org.tributary.rtsp.RtspResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtspMessageDecoderTest {
    private final List<RtspResponse> responses = new ArrayList<>();
    private final List<String> frames = new ArrayList<>();
    private final RtspInboundHandler handler = new RtspInboundHandler() {
        @Override
        public void onResponse(RtspResponse response) {
            responses.add(response);
        }

        @Override
        public void onInterleaved(int channel, ByteBuffer data, int offset, int length) {
            frames.add(channel + ":" + length + ":" + (data.get(offset) & 0xFF));
        }
    };

    @Test
    void splitsResponsesAndInterleavedFramesFedByteByByte() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        String sdp = "v=0\r\nm=video 0 RTP/AVP 96\r\n";
        write(stream, "RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Type: application/sdp\r\nContent-Length: "
                + sdp.length() + "\r\n\r\n" + sdp);
        stream.write('$');
        stream.write(0);
        stream.write(0);
        stream.write(3);
        stream.writeBytes(new byte[] {(byte) 0x80, 1, 2});
        write(stream, "RTSP/1.0 454 Session Not Found\nCSeq: 4\n\n");
        stream.writeBytes(new byte[] {'$', 1, 0, 1, 7});
        byte[] all = stream.toByteArray();

        RtspMessageDecoder decoder = new RtspMessageDecoder(16);
        for (byte b : all) {
            decoder.feed(new byte[] {b}, 0, 1);
            decoder.decode(handler);
        }
        assertEquals(2, responses.size());
        assertEquals(200, responses.get(0).code());
        assertEquals(3, Integer.parseInt(responses.get(0).headers().get("CSeq")));
        assertEquals(sdp, new String(responses.get(0).body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("application/sdp", responses.get(0).headers().get("content-type"));
        assertEquals(454, responses.get(1).code());
        assertEquals("Session Not Found", responses.get(1).reason());
        assertEquals(List.of("0:3:128", "1:1:7"), frames);
        assertEquals(0, decoder.pending());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
