package org.tributary.rtsp;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Feeds arbitrary bytes (requests, responses, HTTP tunnel requests, interleaved {@code $} frames, and anything
 * else) to the decoder in pieces, the way a socket delivers them. The decoder may refuse with
 * {@link RtspParseException}; anything else thrown is a bug, and so is a message returned without
 * consuming bytes (the connection would loop on it).
 */
class RtspDecoderFuzzTest {

    @FuzzTest
    void decode(byte[] data) {
        RtspDecoder decoder = new RtspDecoder(DecoderLimits.DEFAULTS);
        ByteBuffer buffer = ByteBuffer.allocate(data.length);
        // The piece size comes from the input itself so that the fuzzer also explores the split points.
        int piece = data.length == 0 ? 1 : 1 + (data[0] & 0x7F);
        try {
            for (int fed = 0; fed < data.length; ) {
                int n = Math.min(piece, data.length - fed);
                buffer.put(data, fed, n);
                fed += n;
                buffer.flip();
                drain(decoder, buffer);
                buffer.compact();
            }
        } catch (RtspParseException refused) {
            assertNotNull(refused.status());
        }
    }

    private static void drain(RtspDecoder decoder, ByteBuffer buffer) throws RtspParseException {
        while (true) {
            int before = buffer.position();
            RtspMessage message = decoder.decode(buffer);
            if (message == null) {
                return;
            }
            assertTrue(buffer.position() > before, "a decoded message must consume bytes");
            if (message instanceof RtspRequest request) {
                assertNotNull(request.methodToken());
                assertNotNull(request.uri());
                assertNotNull(request.headers());
                assertTrue(request.body().length <= DecoderLimits.DEFAULTS.maxBodyBytes());
            } else if (message instanceof RtspResponse response) {
                assertTrue(response.code() >= 100 && response.code() <= 999);
                assertTrue(response.body().length <= DecoderLimits.DEFAULTS.maxBodyBytes());
            } else {
                InterleavedFrame frame = (InterleavedFrame) message;
                assertTrue(frame.channel() >= 0 && frame.channel() <= 255);
            }
        }
    }
}
