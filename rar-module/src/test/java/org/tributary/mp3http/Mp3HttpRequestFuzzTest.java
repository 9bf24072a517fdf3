package org.tributary.mp3http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspParseException;
import org.tributary.rtsp.RtspRequest;

/**
 * An HTTP request for an MP3 file as a player sends it to the RTSP port: decoded like every request,
 * checked by {@link Mp3HttpRequest#parse} and its {@code Range} header resolved by {@link ByteRange#parse}
 * against bodies of several lengths. Refusals are {@link RtspParseException}, {@link HttpRefusal} and
 * {@link ByteRange.Unsatisfiable}; anything else thrown is a bug, and so is a range outside the body or
 * a path that climbs out of the media folder.
 */
class Mp3HttpRequestFuzzTest {

    private static final long[] BODY_LENGTHS = {1, 417, 48_000, Long.MAX_VALUE / 2};

    @FuzzTest
    void parse(byte[] data) {
        Object message;
        try {
            message = new RtspDecoder(DecoderLimits.DEFAULTS).decode(ByteBuffer.wrap(data));
        } catch (RtspParseException refused) {
            return;
        }
        if (!(message instanceof RtspRequest request)) {
            return;
        }
        Mp3HttpRequest mp3;
        try {
            mp3 = Mp3HttpRequest.parse(request);
        } catch (HttpRefusal refused) {
            return;
        }
        assertFalse(mp3.path().startsWith("/"), "path must be relative to the media root");
        for (long length : BODY_LENGTHS) {
            checkRange(mp3.range(), length);
        }
    }

    private static void checkRange(String header, long length) {
        ByteRange range;
        try {
            range = ByteRange.parse(header, length);
        } catch (ByteRange.Unsatisfiable refused) {
            return;
        }
        if (range != null) {
            assertTrue(range.first() >= 0 && range.first() <= range.last() && range.last() < length,
                    "range " + range + " outside a body of " + length + " bytes");
        }
    }
}
