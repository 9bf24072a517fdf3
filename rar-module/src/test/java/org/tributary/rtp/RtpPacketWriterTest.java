package org.tributary.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.rtp.payload.CollectingSink.bytes;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpPacketWriterTest {
    @Test
    void writesFixedHeaderAndPayload() {
        RtpPacketWriter writer = new RtpPacketWriter(96, 0x12345678L, 0xFFFF);
        ByteBuffer dst = ByteBuffer.allocate(100);
        ByteBuffer payload = ByteBuffer.wrap(bytes(0x01, 0x02));
        int n = writer.write(dst, payload, true, 0x01020304L);

        assertEquals(14, n);
        assertArrayEquals(bytes(0x80, 0xE0, 0xFF, 0xFF, 0x01, 0x02, 0x03, 0x04, 0x12, 0x34, 0x56, 0x78, 0x01, 0x02),
                Arrays.copyOf(dst.array(), dst.position()));
        assertEquals(0, payload.position());
        assertEquals(0, writer.nextSequenceNumber(), "sequence number wraps");
        assertEquals(1, writer.packetCount());
        assertEquals(2, writer.octetCount());

        writer.write(dst, payload, false, 0xFFFFFFFFL);
        assertArrayEquals(bytes(0x80, 0x60, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF),
                Arrays.copyOfRange(dst.array(), 14, 22));
    }

    @Test
    void refusesWhenDestinationIsTooSmall() {
        RtpPacketWriter writer = new RtpPacketWriter(96, 1, 0);
        ByteBuffer dst = ByteBuffer.allocate(13);
        assertThrows(BufferOverflowException.class, () -> writer.write(dst, ByteBuffer.allocate(2), false, 0));
        assertEquals(0, dst.position());
        assertEquals(0, writer.nextSequenceNumber());
    }

    @Test
    void parsesWhatWasWritten() {
        ByteBuffer dst = ByteBuffer.allocate(100);
        new RtpPacketWriter(97, 0xCAFEBABEL, 1234).write(dst, ByteBuffer.wrap(bytes(9, 8, 7)), true, 90000);
        dst.flip();
        RtpHeader h = RtpHeader.parse(dst);
        assertEquals(new RtpHeader(true, 97, 1234, 90000, 0xCAFEBABEL, List.of(), -1, 0, 12, 3), h);
    }

    @Test
    void parsesCsrcExtensionAndPadding() {
        byte[] packet = bytes(
                0xB1, 0x60, 0x00, 0x07, 0, 0, 0, 1, 0, 0, 0, 2, // V=2 P=1 X=1 CC=1
                0xDE, 0xAD, 0xBE, 0xEF,                         // CSRC
                0xBE, 0xDE, 0x00, 0x01, 0x11, 0x22, 0x33, 0x44, // extension, 1 word
                0x55, 0x66,                                     // payload
                0x00, 0x00, 0x03);                              // 3 bytes padding
        RtpHeader h = RtpHeader.parse(ByteBuffer.wrap(packet));
        assertEquals(List.of(0xDEADBEEFL), h.csrcs());
        assertEquals(0xBEDE, h.extensionProfile());
        assertEquals(24, h.payloadOffset());
        assertEquals(2, h.payloadLength());
        assertEquals(3, h.paddingLength());
    }

    @Test
    void rejectsMalformedPackets() {
        assertMessage("version", bytes(0x40, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertMessage("shorter", bytes(0x80, 0x60, 0, 0));
        assertMessage("CSRC", bytes(0x82, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertMessage("extension", bytes(0x90, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0, 2, 0, 0, 0, 0));
        assertMessage("padding", bytes(0xA0, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x55, 0x09));
    }

    private static void assertMessage(String word, byte[] packet) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> RtpHeader.parse(ByteBuffer.wrap(packet)));
        assertTrue(e.getMessage().contains(word), e.getMessage());
    }
}
