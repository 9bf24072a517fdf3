package org.tributary.session;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounds by count and bytes, lookups across the 16-bit wrap, and gaps in numbering. */
class RetransmissionHistoryTest {

    private static ByteBuffer packet(int marker, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (int i = 0; i < length; i++) {
            buffer.put((byte) (marker + i));
        }
        return buffer.flip();
    }

    @Test
    void theOldestPacketsLeaveWhenTheCountIsReached() {
        RetransmissionHistory history = new RetransmissionHistory(3, 1000);
        for (int seq = 10; seq < 15; seq++) {
            history.add(seq, packet(seq, 20), 0);
        }
        assertEquals(3, history.size());
        assertNull(history.find(11));
        assertEquals(packet(12, 20), history.find(12));
        assertEquals(packet(14, 20), history.find(14));
        assertNull(history.find(15));
    }

    @Test
    void theOldestPacketsLeaveWhenTheBytesAreReached() {
        RetransmissionHistory history = new RetransmissionHistory(100, 100);
        history.add(1, packet(1, 40), 0);
        history.add(2, packet(2, 40), 0);
        history.add(3, packet(3, 40), 0);
        assertEquals(2, history.size());
        assertEquals(80, history.bytes());
        assertNull(history.find(1));
        assertEquals(packet(3, 40), history.find(3));
    }

    @Test
    void lookupsWorkAcrossTheSequenceWrap() {
        RetransmissionHistory history = new RetransmissionHistory(8, 10_000);
        for (int i = 0; i < 6; i++) {
            history.add((65533 + i) & 0xFFFF, packet(i, 5), 0);
        }
        assertEquals(packet(0, 5), history.find(65533));
        assertEquals(packet(3, 5), history.find(0));
        assertEquals(packet(5, 5), history.find(2));
        assertNull(history.find(65532));
    }

    @Test
    void aJumpInNumberingForgetsWhatCameBefore() {
        RetransmissionHistory history = new RetransmissionHistory(8, 10_000);
        history.add(1, packet(1, 5), 0);
        history.add(2, packet(2, 5), 0);
        history.add(7, packet(7, 5), 0);
        assertEquals(1, history.size());
        assertNull(history.find(2));
        assertEquals(packet(7, 5), history.find(7));
    }

    @Test
    void aPacketLargerThanTheByteBoundIsNotKept() {
        RetransmissionHistory history = new RetransmissionHistory(8, 50);
        history.add(1, packet(1, 10), 0);
        history.add(2, packet(2, 60), 0);
        assertEquals(0, history.size());
        assertNull(history.find(2));
        history.add(3, packet(3, 10), 0);
        assertEquals(packet(3, 10), history.find(3));
    }

    @Test
    void keepingAPacketDoesNotConsumeTheCallersBuffer() {
        RetransmissionHistory history = new RetransmissionHistory(8, 1000);
        ByteBuffer sent = packet(9, 12);
        history.add(1, sent, 0);
        assertEquals(12, sent.remaining());
    }

    @Test
    void eachKeptPacketHasItsSendingTimeAndAResendCountThatStartsAgainWithTheSlot() {
        RetransmissionHistory history = new RetransmissionHistory(2, 1000);
        history.add(10, packet(1, 5), 100);
        history.add(11, packet(2, 5), 200);
        assertEquals(100, history.sentAtNanos(10));
        assertEquals(200, history.sentAtNanos(11));
        assertEquals(-1, history.sentAtNanos(12), "not sent yet");
        assertTrue(history.takeResend(10, 2));
        assertTrue(history.takeResend(10, 2));
        assertFalse(history.takeResend(10, 2), "resent twice already");
        assertEquals(packet(1, 5), history.view(10));
        history.add(12, packet(3, 5), 300); // reuses packet 10's slot
        assertFalse(history.takeResend(10, 2), "no longer kept");
        assertEquals(-1, history.sentAtNanos(10));
        assertTrue(history.takeResend(12, 1), "a new packet in the slot starts at zero resends");
    }
}
