package org.tributary.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.tributary.rtp.MalformedPacketException;

/**
 * A datagram on the RTCP port (or an interleaved RTCP frame), parsed as a compound packet. The parser
 * may refuse with {@link MalformedPacketException}; anything else thrown is a bug, and so is a change
 * of the buffer it was given.
 */
class RtcpParserFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        // Inside a larger buffer, as a datagram sits in a receive buffer: the parser must stay within it.
        ByteBuffer packet = ByteBuffer.allocate(data.length + 8).position(4).put(data).flip().position(4);
        int position = packet.position();
        int limit = packet.limit();
        try {
            RtcpCompound compound = RtcpParser.parse(packet);
            compound.nackedSequenceNumbers();
        } catch (MalformedPacketException refused) {
            // the datagram is dropped
        }
        assertEquals(position, packet.position(), "the parser must not move the buffer");
        assertEquals(limit, packet.limit(), "the parser must not change the limit");
    }
}
