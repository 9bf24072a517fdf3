package org.tributary.rtp.payload.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tributary.rtp.payload.CollectingSink.bytes;

import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.amr.AmrPacketizer;
import org.tributary.rtp.payload.h264.H264Packetizer;
import org.tributary.rtp.payload.mpegaudio.MpegAudioPacketizer;

/** Stored codecs to payload formats: what the SDP gets and which packetizer each reader makes. */
class PayloadPlansTest {
    private static final byte[] AVCC = bytes(0x01, 0x42, 0x00, 0x1E, 0xFF, 0xE1, 0x00, 0x04, 0x67, 0x42, 0x00, 0x1E,
            0x01, 0x00, 0x02, 0x68, 0xCE);

    @Test
    void h264GetsTheDynamicTypeAndItsParameterSets() {
        PayloadPlans.Plan plan = PayloadPlans.plan(new StoredCodec("avc1", AVCC, null, 0, null), 97);
        assertEquals("H264", plan.codec());
        assertEquals("a=rtpmap:97 H264/90000", plan.format().rtpmapLine());
        assertEquals("a=fmtp:97 packetization-mode=1;profile-level-id=42001e;sprop-parameter-sets=Z0IAHg==,aM4=",
                plan.format().fmtpLine());
        assertInstanceOf(H264Packetizer.class, plan.packetizers().get());
    }

    @Test
    void mpegAudioKeepsItsStaticType() {
        PayloadPlans.Plan mp3 = PayloadPlans.plan(StoredCodec.mp3(), 96);
        assertEquals(14, mp3.format().payloadType());
        assertInstanceOf(MpegAudioPacketizer.class, mp3.packetizers().get());
        PayloadPlans.Plan inMp4 = PayloadPlans.plan(new StoredCodec("mp4a", null, null, 0x6B, null), 96);
        assertEquals("MPA", inMp4.codec());
    }

    @Test
    void amrSpreadsASampleOverPayloadTimes() {
        PayloadPlans.Plan plan = PayloadPlans.plan(new StoredCodec("samr", null, null, 0, null), 98);
        assertEquals("a=rtpmap:98 AMR/8000/1", plan.format().rtpmapLine());
        assertInstanceOf(AmrPacketizer.class, plan.packetizers().get());
    }

    @Test
    void unknownOrUnreadableCodecsAreNotStreamed() {
        assertNull(PayloadPlans.plan(new StoredCodec("vp09", null, null, 0, null), 96));
        assertNull(PayloadPlans.plan(new StoredCodec("avc1", null, null, 0, null), 96));
        assertNull(PayloadPlans.plan(new StoredCodec("avc1", bytes(0x02, 0x42), null, 0, null), 96));
        assertNull(PayloadPlans.plan(new StoredCodec("mp4a", null, null, 0x40, null), 96));
    }
}
