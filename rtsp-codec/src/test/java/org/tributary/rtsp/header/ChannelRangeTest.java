package org.tributary.rtsp.header;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelRangeTest {

    @Test
    void rtcpGoesOnTheSecondChannelOrTheOneAfterASingleOne() {
        assertEquals(1, ChannelRange.parse("Transport", "interleaved", "0-1").rtcpChannel());
        assertEquals(5, ChannelRange.parse("Transport", "interleaved", "4").rtcpChannel());
    }

    @Test
    void aSingleChannel255LeavesNoRoomForRtcp() {
        ChannelRange last = ChannelRange.parse("Transport", "interleaved", "255");
        assertEquals(256, last.rtcpChannel());
        assertFalse(last.leavesRoomForRtcp());
        assertTrue(ChannelRange.parse("Transport", "interleaved", "254-255").leavesRoomForRtcp());
        assertTrue(ChannelRange.parse("Transport", "interleaved", "254").leavesRoomForRtcp());
    }

    @Test
    void rangesShareAChannelWhenRtpOrRtcpCoincide() {
        ChannelRange zeroOne = new ChannelRange(0, 1);
        assertTrue(zeroOne.sharesChannelWith(new ChannelRange(0, 1)));
        assertTrue(zeroOne.sharesChannelWith(ChannelRange.of(1)), "1 as RTP is zero-one's RTCP");
        assertTrue(ChannelRange.of(1).sharesChannelWith(new ChannelRange(2, 3)), "1's RTCP is 2-3's RTP");
        assertTrue(new ChannelRange(2, 3).sharesChannelWith(ChannelRange.of(1)));
        assertFalse(ChannelRange.of(1).sharesChannelWith(ChannelRange.of(3)));
        assertFalse(zeroOne.sharesChannelWith(new ChannelRange(2, 3)));
    }
}
