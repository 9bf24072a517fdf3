package org.tributary.media.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.tributary.media.MediaFormatException;

/**
 * One sample of an RTP hint track. The parser may refuse with {@link MediaFormatException}; anything
 * else thrown is a bug, and so is a packet count that differs from the sample's entry count.
 */
class RtpHintSampleFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        RtpHintSample sample;
        try {
            sample = RtpHintSample.parse(ByteBuffer.wrap(data));
        } catch (MediaFormatException refused) {
            return;
        }
        assertEquals(sample.entryCount(), sample.packets().size());
        for (HintPacket p : sample.packets()) {
            assertTrue(p.payloadLength() >= 0, "negative payload length");
        }
    }
}
