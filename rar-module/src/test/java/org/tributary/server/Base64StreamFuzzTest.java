package org.tributary.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspParseException;

/**
 * The POST half of an RTSP-over-HTTP tunnel as {@link RtspConnection} reads it: base64 text arriving
 * in pieces, decoded into a bounded buffer, and the decoded bytes decoded again as RTSP. Refusals are
 * {@link RtspParseException}; anything else thrown is a bug.
 */
class Base64StreamFuzzTest {

    private static final DecoderLimits LIMITS = DecoderLimits.DEFAULTS;

    @FuzzTest
    void decode(byte[] text) {
        Base64Stream stream = new Base64Stream(LIMITS.maxHeaderBytes() + LIMITS.maxBodyBytes());
        RtspDecoder decoder = new RtspDecoder(LIMITS);
        int piece = text.length == 0 ? 1 : 1 + (text[text.length - 1] & 0xFF);
        try {
            for (int fed = 0; fed < text.length; fed += piece) {
                stream.decode(ByteBuffer.wrap(text, fed, Math.min(piece, text.length - fed)));
                ByteBuffer decoded = stream.decoded().flip();
                try {
                    int before = decoded.position();
                    for (Object message; (message = decoder.decode(decoded)) != null; before = decoded.position()) {
                        assertTrue(decoded.position() > before, "a decoded message must consume bytes");
                    }
                } finally {
                    decoded.compact();
                }
            }
        } catch (RtspParseException refused) {
            assertNotNull(refused.status());
        }
    }
}
