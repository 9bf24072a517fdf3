package org.tributary.rtp.payload.nal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.tributary.rtp.payload.AccessUnit;
import org.tributary.rtp.payload.MalformedPayloadException;
import org.tributary.rtp.payload.h264.H264NalSyntax;

/**
 * Received H.264 RTP payloads (single NAL units, STAP-A, FU-A in any order, with losses). The input is a
 * run of records: a control byte (bit 0 marker, bit 1 skip a sequence number, bit 2 next timestamp), a
 * length byte and that many payload bytes. Only {@link MalformedPayloadException} may be thrown, and every
 * access unit must be within the cap and consist exactly of 4-byte length-prefixed NAL units.
 */
class H264DepacketizerFuzzTest {
    private static final int CAP = 4096;

    @FuzzTest
    void push(byte[] data) {
        NalUnitDepacketizer depacketizer = new NalUnitDepacketizer(H264NalSyntax.INSTANCE, CAP);
        int sequence = 0;
        long timestamp = 0;
        int pos = 0;
        while (pos + 2 <= data.length) {
            int control = data[pos] & 0xFF;
            int length = Math.min(data[pos + 1] & 0xFF, data.length - pos - 2);
            ByteBuffer payload = ByteBuffer.wrap(data, pos + 2, length).slice();
            pos += 2 + length;
            sequence += (control & 0x02) != 0 ? 2 : 1;
            timestamp += (control & 0x04) != 0 ? 3000 : 0;
            try {
                depacketizer.push(sequence, timestamp, (control & 0x01) != 0, payload, H264DepacketizerFuzzTest::check);
            } catch (MalformedPayloadException refused) {
                // the unit is dropped and the stream goes on
            }
            assertEquals(0, payload.position(), "the payload's position is left unchanged");
        }
    }

    private static void check(AccessUnit unit) {
        byte[] au = unit.data();
        assertTrue(au.length <= CAP, "unit of " + au.length + " bytes exceeds the cap");
        int p = 0;
        while (p < au.length) {
            assertTrue(au.length - p >= 5, "truncated NAL unit at " + p);
            int len = ByteBuffer.wrap(au, p, 4).getInt();
            assertTrue(len >= 1 && len <= au.length - p - 4, "NAL length " + len + " at " + p);
            p += 4 + len;
        }
    }
}
