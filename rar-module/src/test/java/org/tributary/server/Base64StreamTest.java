package org.tributary.server;

import org.junit.jupiter.api.Test;
import org.tributary.rtsp.RtspParseException;
import org.tributary.rtsp.RtspStatus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Base64StreamTest {

    private static ByteBuffer text(byte[] plain) {
        return ByteBuffer.wrap(Base64.getEncoder().encode(plain));
    }

    @Test
    void startsSmallWhateverItsCapacity() {
        Base64Stream stream = new Base64Stream(160 * 1024);
        assertTrue(stream.decoded().capacity() <= 1024, "an idle POST half holds " + stream.decoded().capacity());
    }

    @Test
    void growsAsDataArrivesUpToItsCapacity() throws Exception {
        Base64Stream stream = new Base64Stream(16 * 1024);
        byte[] plain = "x".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        stream.decode(text(plain));
        ByteBuffer decoded = stream.decoded();
        decoded.flip();
        byte[] out = new byte[decoded.remaining()];
        decoded.get(out);
        assertArrayEquals(plain, out);
    }

    @Test
    void refusesMoreThanItsCapacity() {
        Base64Stream stream = new Base64Stream(4096);
        RtspParseException e = assertThrows(RtspParseException.class,
                () -> stream.decode(text(new byte[5000])));
        assertEquals(RtspStatus.REQUEST_ENTITY_TOO_LARGE, e.status());
    }
}
