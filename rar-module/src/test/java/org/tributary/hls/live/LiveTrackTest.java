package org.tributary.hls.live;

import org.junit.jupiter.api.Test;
import org.tributary.media.fmp4.InitTrack;
import org.tributary.source.SourceTrack;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.hls.live.LiveFeeds.FRAME_TICKS;

class LiveTrackTest {

    private static final long BASE_VIDEO = LiveTrack.BASE_SECONDS * 90_000;

    private static void push(LiveTrack t, byte[] payload, boolean marker, long timestamp, long sinceZeroNanos) {
        t.push(ByteBuffer.wrap(payload), marker, timestamp, sinceZeroNanos);
    }

    private static List<Long> pts(LiveTrack t) {
        return t.pending().stream().map(LiveSample::pts).toList();
    }

    @Test
    void framesBecomeLengthPrefixedSamplesOnATimelineFromTheBasePlusTheArrivalOffset() {
        LiveTrack t = LiveTrack.of(LiveFeeds.h264(0, true), 1);
        byte[] idr = LiveFeeds.slice(true, 0);
        byte[] p = LiveFeeds.slice(false, 1);
        push(t, idr, true, 5_000, 1_500_000_000L);
        push(t, p, true, 5_000 + 3 * FRAME_TICKS, 1_540_000_000L);
        long first = BASE_VIDEO + 135_000; // 1.5 s after the stream's first packet
        assertEquals(List.of(first, first + 3 * FRAME_TICKS), pts(t));
        assertTrue(t.pending().get(0).key(), "IDR");
        assertFalse(t.pending().get(1).key(), "non-IDR");
        assertArrayEquals(LiveFeeds.lengthPrefixed(idr), t.pending().get(0).data());
        assertArrayEquals(LiveFeeds.lengthPrefixed(p), t.pending().get(1).data());
        assertTrue(t.video());
        assertEquals(90_000, t.timescale());
        assertEquals(0, t.streamTrack());
    }

    @Test
    void timestampsGoBackForBFramesAndUnwrapPast32Bits() {
        LiveTrack t = LiveTrack.of(LiveFeeds.h264(0, true), 1);
        long start = 0xFFFF_FFFFL - 2 * FRAME_TICKS + 1;
        int[] order = {0, 3, 1, 2, 6, 4, 5};
        for (int i = 0; i < order.length; i++) {
            push(t, LiveFeeds.slice(i == 0, i), true, (start + (long) order[i] * FRAME_TICKS) & 0xFFFF_FFFFL, 0);
        }
        List<Long> expected = java.util.Arrays.stream(order).mapToObj(o -> BASE_VIDEO + (long) o * FRAME_TICKS).toList();
        assertEquals(expected, pts(t), "presentation times in decode order, across the 32-bit wrap");
    }

    @Test
    void packetsOfAFrameMakeOneSampleEndedByTheMarker() {
        LiveTrack t = LiveTrack.of(LiveFeeds.h264(0, true), 1);
        byte[] a = LiveFeeds.slice(true, 0);
        byte[] b = LiveFeeds.slice(true, 1);
        push(t, a, false, 90, 0);
        assertTrue(t.pending().isEmpty(), "the frame is not complete before its marker");
        push(t, b, true, 90, 0);
        assertEquals(1, t.pending().size());
        assertArrayEquals(LiveFeeds.lengthPrefixed(a, b), t.pending().get(0).data());
    }

    @Test
    void aGapDropsTheFrameItMayHaveCutShort() {
        LiveTrack t = LiveTrack.of(LiveFeeds.h264(0, true), 1);
        push(t, LiveFeeds.slice(true, 0), false, 90, 0);
        t.gap(); // the packager's reader lost packets here: the rest of this frame may be among them
        push(t, LiveFeeds.slice(true, 1), true, 90, 0);
        assertTrue(t.pending().isEmpty(), "the damaged frame is dropped, not made of what is left");
        push(t, LiveFeeds.slice(true, 2), true, 90 + FRAME_TICKS, 0);
        assertEquals(1, t.pending().size(), "the next frame comes through");
    }

    @Test
    void theInitEntryComesFromSpropParameterSets() {
        LiveTrack t = LiveTrack.of(LiveFeeds.h264(0, true), 3);
        InitTrack init = t.init();
        assertNotNull(init, "known from the SDP before any packet");
        assertEquals(3, init.trackId());
        assertEquals("vide", init.handler());
        assertEquals(90_000, init.timescale());
        assertEquals(640, init.width());
        assertEquals(360, init.height());
        assertEquals("avc1.4d401e", t.codecName());
    }

    @Test
    void withoutSpropTheInitEntryWaitsForInBandParameterSetsBeforeAKeyFrame() {
        LiveTrack t = LiveTrack.of(LiveFeeds.h264(0, false), 1);
        assertNull(t.init());
        push(t, LiveFeeds.slice(false, 0), true, 0, 0);
        assertNull(t.init(), "a P frame tells nothing");
        push(t, LiveFeeds.SPS, false, 3600, 0);
        push(t, LiveFeeds.PPS, false, 3600, 0);
        byte[] idr = LiveFeeds.slice(true, 1);
        push(t, idr, true, 3600, 0);
        InitTrack init = t.init();
        assertNotNull(init);
        assertEquals(640, init.width());
        assertEquals(360, init.height());
        assertEquals("avc1.4d401e", t.codecName());
        assertTrue(t.pending().get(1).key());
        assertArrayEquals(LiveFeeds.lengthPrefixed(LiveFeeds.SPS, LiveFeeds.PPS, idr), t.pending().get(1).data());
    }

    @Test
    void aacFramesAreAllKeyFramesOnTheAudioClock() {
        LiveTrack t = LiveTrack.of(LiveFeeds.aac(1), 2);
        for (int i = 0; i < 3; i++) {
            push(t, LiveFeeds.aacPayload(LiveFeeds.aacFrame(i)), true, 77 + i * 1024L, 250_000_000L + i * 21_333_333L);
        }
        long first = LiveTrack.BASE_SECONDS * 48_000 + 12_000;
        assertEquals(List.of(first, first + 1024, first + 2048), pts(t));
        assertTrue(t.pending().stream().allMatch(LiveSample::key));
        assertArrayEquals(LiveFeeds.aacFrame(2), t.pending().get(2).data());
        InitTrack init = t.init();
        assertEquals("soun", init.handler());
        assertEquals(48_000, init.timescale());
        assertEquals(2, init.trackId());
        assertEquals("mp4a.40.2", t.codecName());
        assertFalse(t.video());
    }

    @Test
    void aMalformedPayloadIsCountedAndDropped() {
        LiveTrack t = LiveTrack.of(LiveFeeds.aac(1), 2);
        push(t, new byte[] {0, 16, 0x7F, (byte) 0xF8, 1}, true, 0, 0); // an AU of 4095 bytes in 1
        push(t, new byte[] {0, 7}, true, 1024, 0);
        assertEquals(2, t.malformed());
        assertTrue(t.pending().isEmpty());
        push(t, LiveFeeds.aacPayload(LiveFeeds.aacFrame(0)), true, 2048, 0);
        assertEquals(1, t.pending().size());
    }

    @Test
    void codecsHlsCannotCarryAreRefusedByName() {
        SourceTrack pcmu = new SourceTrack(0, "audio", 0, 8000, "PCMU", 0, List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveTrack.of(pcmu, 1));
        assertEquals("HLS cannot carry audio in PCMU (H.264, H.265, AAC and MPEG audio only)", e.getMessage());
        SourceTrack latm = new SourceTrack(0, "audio", 97, 48000, "MPEG4-GENERIC", 0,
                List.of("rtpmap:97 MPEG4-GENERIC/48000/2", "fmtp:97 mode=AAC-lbr;sizelength=6;config=1190"));
        assertThrows(IllegalArgumentException.class, () -> LiveTrack.of(latm, 1));
        SourceTrack badConfig = new SourceTrack(0, "audio", 97, 48000, "MPEG4-GENERIC", 0,
                List.of("rtpmap:97 MPEG4-GENERIC/48000/2", "fmtp:97 mode=AAC-hbr;sizelength=13;config=zz"));
        assertThrows(IllegalArgumentException.class, () -> LiveTrack.of(badConfig, 1));
        SourceTrack badSprop = new SourceTrack(0, "video", 96, 90000, "H264", 0,
                List.of("rtpmap:96 H264/90000", "fmtp:96 sprop-parameter-sets=%%%,aM48gA=="));
        assertThrows(IllegalArgumentException.class, () -> LiveTrack.of(badSprop, 1));
    }

    @Test
    void mpegAudioLearnsItsEntryFromTheFirstFrameHeader() {
        SourceTrack mpa = new SourceTrack(0, "audio", 14, 90000, "MPA", 0, List.of("rtpmap:14 MPA/90000"));
        LiveTrack t = LiveTrack.of(mpa, 1);
        assertNull(t.init());
        // RFC 2250: 4 bytes MBZ + fragment offset, then an MPEG-1 layer III frame header: 128 kb/s, 44.1 kHz, stereo
        byte[] frame = new byte[418];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        frame[3] = (byte) 0x00;
        byte[] payload = new byte[4 + frame.length];
        System.arraycopy(frame, 0, payload, 4, frame.length);
        push(t, payload, true, 0, 0);
        assertEquals(1, t.pending().size());
        InitTrack init = t.init();
        assertNotNull(init);
        assertEquals("soun", init.handler());
        assertEquals(90_000, init.timescale());
        assertEquals("mp4a.40.34", t.codecName());
    }
}
