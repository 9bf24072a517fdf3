package org.tributary.rtp.payload.nal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.CollectingSink;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.h264.H264Packetizer;
import org.tributary.rtp.payload.h265.H265Packetizer;

import static org.tributary.rtp.payload.CollectingSink.lengthPrefixed;
import static org.tributary.rtp.payload.CollectingSink.unit;

/**
 * Pins the exact output of the H.264 and H.265 packetizers (digests recorded from the separate
 * packetizers before they shared {@link NalUnitPacketizer}) over sample access units covering single
 * NAL units, fragmentation, parameter-set aggregation and the single-unit fallback.
 */
class NalPacketizerGoldenTest {

    private static String digest(Packetizer p, ByteBuffer... samples) throws Exception {
        CollectingSink sink = new CollectingSink();
        for (ByteBuffer s : samples) {
            p.packetize(s, sink);
        }
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (CollectingSink.Payload payload : sink.payloads) {
            md.update((byte) payload.bytes().length);
            md.update((byte) (payload.bytes().length >>> 8));
            md.update(payload.bytes());
            md.update((byte) (payload.marker() ? 1 : 0));
        }
        return sink.size() + ":" + HexFormat.of().formatHex(md.digest());
    }

    private static ByteBuffer[] h264Samples(int lengthSize) {
        return new ByteBuffer[] {
            lengthPrefixed(lengthSize, unit(3000, 0x65), unit(40, 0x06)),
            lengthPrefixed(lengthSize, unit(100, 0x41), unit(1, 0x01), unit(2801, 0x21)),
            lengthPrefixed(lengthSize, unit(20, 0x67, 0x42, 0x00, 0x1E), unit(5, 0x68), unit(600, 0x65)),
            lengthPrefixed(lengthSize, unit(599, 0xE5), new byte[0], unit(601, 0x25)),
        };
    }

    private static ByteBuffer[] h265Samples(int lengthSize) {
        return new ByteBuffer[] {
            lengthPrefixed(lengthSize, unit(3000, 0x26, 0x01), unit(40, 0x4E, 0x01)),
            lengthPrefixed(lengthSize, unit(100, 0x02, 0x01), unit(2, 0x02, 0x01), unit(2801, 0x02, 0x01)),
            lengthPrefixed(lengthSize, unit(24, 0x40, 0x01), unit(30, 0x42, 0x01), unit(6, 0x44, 0x01),
                    unit(600, 0x2A, 0x01)),
            lengthPrefixed(lengthSize, unit(599, 0x28, 0x0B), new byte[0], unit(601, 0xA8, 0x0A)),
        };
    }

    @Test
    void h264OutputIsUnchanged() throws Exception {
        List<String> digests = new ArrayList<>();
        for (int mtu : new int[] {600, 1400}) {
            for (boolean withSets : new boolean[] {false, true}) {
                H264Packetizer p = new H264Packetizer(4, mtu);
                if (withSets) {
                    p.setParameterSets(List.of(unit(20, 0x67, 0x42, 0x00, 0x1E)), List.of(unit(5, 0x68), unit(4, 0x48)));
                    p.setPrependParameterSetsBeforeIdr(true);
                }
                digests.add(digest(p, h264Samples(4)));
            }
        }
        H264Packetizer small = new H264Packetizer(2, 20);
        small.setParameterSets(List.of(unit(20, 0x67, 0x42, 0x00, 0x1E)), List.of(unit(5, 0x68)));
        small.setPrependParameterSetsBeforeIdr(true);
        digests.add(digest(small, h264Samples(2)));
        assertEquals(List.of(
                "20:7389b813a08449786720fba94c624ccdcba5904e24707f3123c481273284e72c",
                "22:d02ac3a92e7ae4c6d0ef0461f3c6c79f28611c2faf3711f9adf1084049884274",
                "14:581d3b9582fc059da1adf1e321a2efce2c3227c6c442a923fd62c471ca69f575",
                "16:bd0842bdf58028735b7571192dae7cfeadedb7f5d27a077bd7d035e4fbc8fd96",
                "441:f1671cca7fe1a14a1de859fedcf102930327654819346e80796f4e1ad1cef249"), digests);
    }

    @Test
    void h265OutputIsUnchanged() throws Exception {
        List<String> digests = new ArrayList<>();
        for (int mtu : new int[] {600, 1400}) {
            for (boolean withSets : new boolean[] {false, true}) {
                H265Packetizer p = new H265Packetizer(4, mtu);
                if (withSets) {
                    p.setParameterSets(List.of(unit(24, 0x40, 0x01)), List.of(unit(30, 0x42, 0x01)),
                            List.of(unit(6, 0x44, 0x01), unit(7, 0x44, 0x09)));
                    p.setPrependParameterSetsBeforeIrap(true);
                }
                digests.add(digest(p, h265Samples(4)));
            }
        }
        H265Packetizer small = new H265Packetizer(1, 30);
        small.setParameterSets(List.of(unit(24, 0x40, 0x01)), List.of(unit(30, 0x42, 0x01)), List.of(unit(6, 0x44, 0x01)));
        small.setPrependParameterSetsBeforeIrap(true);
        digests.add(digest(small, new ByteBuffer[] {lengthPrefixed(1, unit(200, 0x26, 0x01), unit(90, 0x02, 0x01))}));
        assertEquals(List.of(
                "21:51fd0ba8c431a3e50033eed88923abb942b7c3a1c5581eb5505b7ad849190a1b",
                "23:39b2f7cef8ea31b627ab06155e9989e0ee4b62ce01b3895dba8539bc1f1063aa",
                "15:31f2ec900afd8165d1cc3c2a54b04605c2fced5f4fc68c9e51f03010b21bce2b",
                "17:765d1294a1105653b0c5b890e49eef568a7140a56aa704c1a1eed00f35c2d1d5",
                "15:8cfd1b0f8185c19234f426c2aef5e8e9922a3049bd15ea3094a208394b598130"), digests);
    }
}
