package org.tributary.rtp.payload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.h264.H264Packetizer;
import org.tributary.rtp.payload.h265.H265Packetizer;
import org.tributary.rtp.payload.mpeg4audio.AacPacketizer;

/** Packetize random access units, reassemble them with minimal depacketizers, compare. */
class RoundTripTest {
    private static final int MAX_PAYLOAD = 1400;

    @Test
    void h264SingleNalAndFuA() {
        Random random = new Random(20240601);
        H264Packetizer packetizer = new H264Packetizer(4, MAX_PAYLOAD);
        for (int au = 0; au < 300; au++) {
            List<byte[]> nals = randomNals(random, 1);
            H264Depacketizer depacketizer = new H264Depacketizer();
            packetizer.packetize(CollectingSink.lengthPrefixed(4, nals.toArray(byte[][]::new)), depacketizer);
            assertEquals(nals.size(), depacketizer.nals.size(), "access unit " + au);
            for (int i = 0; i < nals.size(); i++) {
                assertArrayEquals(nals.get(i), depacketizer.nals.get(i), "access unit " + au + " NAL " + i);
            }
            assertTrue(depacketizer.sawMarkerLast, "marker on the last packet");
            assertEquals(1, depacketizer.markers, "marker on one packet only");
        }
    }

    @Test
    void h265SingleNalAndFu() {
        Random random = new Random(99);
        H265Packetizer packetizer = new H265Packetizer(4, MAX_PAYLOAD);
        for (int au = 0; au < 300; au++) {
            List<byte[]> nals = randomNals(random, 2);
            H265Depacketizer depacketizer = new H265Depacketizer();
            packetizer.packetize(CollectingSink.lengthPrefixed(4, nals.toArray(byte[][]::new)), depacketizer);
            assertEquals(nals.size(), depacketizer.nals.size(), "access unit " + au);
            for (int i = 0; i < nals.size(); i++) {
                assertArrayEquals(nals.get(i), depacketizer.nals.get(i), "access unit " + au + " NAL " + i);
            }
        }
    }

    @Test
    void aacFragmentation() {
        Random random = new Random(31337);
        AacPacketizer packetizer = new AacPacketizer(MAX_PAYLOAD);
        for (int n = 0; n < 500; n++) {
            byte[] au = new byte[1 + random.nextInt(8191)];
            random.nextBytes(au);
            AacDepacketizer depacketizer = new AacDepacketizer();
            packetizer.packetize(ByteBuffer.wrap(au), depacketizer);
            assertEquals(1, depacketizer.units.size(), "AU " + n + " of " + au.length + " bytes");
            assertArrayEquals(au, depacketizer.units.get(0));
        }
    }

    /** 1-5 NAL units with a valid header of {@code headerSize} bytes, sized 2..6000. */
    private static List<byte[]> randomNals(Random random, int headerSize) {
        List<byte[]> nals = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            byte[] nal = new byte[2 + random.nextInt(5999)];
            random.nextBytes(nal);
            if (headerSize == 1) {
                nal[0] = (byte) ((nal[0] & 0x60) | (1 + random.nextInt(23))); // F=0, types 1..23
            } else {
                nal[0] = (byte) ((random.nextInt(40) << 1) & 0x7E);         // F=0, types 0..39, LayerId 0
                nal[1] = (byte) (1 + random.nextInt(7));                     // TID 1..7
            }
            nals.add(nal);
        }
        return nals;
    }

    /** RFC 6184 receiver for Single NAL unit and FU-A packets. */
    private static final class H264Depacketizer implements PayloadSink {
        final List<byte[]> nals = new ArrayList<>();
        ByteArrayOutputStream fragment;
        boolean sawMarkerLast;
        int markers;

        @Override
        public void payload(ByteBuffer payload, boolean marker) {
            sawMarkerLast = marker;
            markers += marker ? 1 : 0;
            byte[] p = new byte[payload.remaining()];
            payload.get(p);
            int type = p[0] & 0x1F;
            if (type >= 1 && type <= 23) {
                assertEquals(null, fragment, "single NAL inside an open FU-A");
                nals.add(p);
            } else if (type == 28) {
                boolean start = (p[1] & 0x80) != 0;
                boolean end = (p[1] & 0x40) != 0;
                if (start) {
                    assertEquals(null, fragment, "FU-A start while another is open");
                    fragment = new ByteArrayOutputStream();
                    fragment.write((p[0] & 0xE0) | (p[1] & 0x1F));
                }
                fragment.write(p, 2, p.length - 2);
                if (end) {
                    nals.add(fragment.toByteArray());
                    fragment = null;
                }
            } else {
                throw new AssertionError("unexpected NAL type " + type);
            }
        }
    }

    /** RFC 7798 receiver for single NAL unit and FU packets. */
    private static final class H265Depacketizer implements PayloadSink {
        final List<byte[]> nals = new ArrayList<>();
        ByteArrayOutputStream fragment;

        @Override
        public void payload(ByteBuffer payload, boolean marker) {
            byte[] p = new byte[payload.remaining()];
            payload.get(p);
            int type = (p[0] >>> 1) & 0x3F;
            if (type != 49) {
                nals.add(p);
                return;
            }
            if ((p[2] & 0x80) != 0) {
                fragment = new ByteArrayOutputStream();
                fragment.write((p[0] & 0x81) | ((p[2] & 0x3F) << 1));
                fragment.write(p[1]);
            }
            fragment.write(p, 3, p.length - 3);
            if ((p[2] & 0x40) != 0) {
                nals.add(fragment.toByteArray());
                fragment = null;
            }
        }
    }

    /** RFC 3640 AAC-hbr receiver: one AU-header per packet, fragments until the AU-size is reached. */
    private static final class AacDepacketizer implements PayloadSink {
        final List<byte[]> units = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public void payload(ByteBuffer payload, boolean marker) {
            assertEquals(16, payload.getShort(payload.position()) & 0xFFFF, "AU-headers-length");
            int header = payload.getShort(payload.position() + 2) & 0xFFFF;
            int auSize = header >>> 3;
            assertEquals(0, header & 0x7, "AU-Index");
            current.write(payload.array(), payload.arrayOffset() + payload.position() + 4, payload.remaining() - 4);
            boolean complete = current.size() == auSize;
            assertEquals(complete, marker, "marker exactly on the packet completing the AU");
            assertTrue(current.size() <= auSize);
            if (complete) {
                units.add(current.toByteArray());
                current = new ByteArrayOutputStream();
            }
        }
    }
}
