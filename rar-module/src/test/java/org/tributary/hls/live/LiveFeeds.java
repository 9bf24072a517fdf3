package org.tributary.hls.live;

import org.tributary.source.SourceTrack;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Synthetic RTP payloads of a live stream for the packager's tests: H.264 single NAL unit packets (one per frame,
 * marker set) and RFC 3640 AAC-hbr packets (one AU each), with the SDP attributes that describe them.
 */
final class LiveFeeds {

    /** ffmpeg/libx264 main profile level 3.0, 640x360 (see rtp.payload.h264.SequenceParameterSetTest). */
    static final byte[] SPS = HexFormat.of().parseHex("674d401eeca05017fcb808800000030080000019078b16cb");
    static final byte[] PPS = HexFormat.of().parseHex("68ef8fc8");
    static final String SPROP = Base64.getEncoder().encodeToString(SPS) + ","
            + Base64.getEncoder().encodeToString(PPS);
    static final String AAC_FMTP = "fmtp:97 streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;"
            + "indexdeltalength=3;config=1190";
    /** Video: 25 frames per second at 90 kHz. */
    static final int FRAME_TICKS = 3600;
    static final long FRAME_NANOS = 40_000_000L;
    /** Audio: AAC frames of 1024 samples at 48 kHz. */
    static final int AAC_TICKS = 1024;

    private LiveFeeds() {
    }

    static SourceTrack h264(int index, boolean withSprop) {
        List<String> attributes = new ArrayList<>(List.of("rtpmap:96 H264/90000"));
        if (withSprop) {
            attributes.add("fmtp:96 packetization-mode=1;profile-level-id=4d401e;sprop-parameter-sets=" + SPROP);
        }
        attributes.add("control:trackID=" + (index + 1));
        return new SourceTrack(index, "video", 96, 90000, "H264", 0, attributes);
    }

    static SourceTrack aac(int index) {
        return new SourceTrack(index, "audio", 97, 48000, "MPEG4-GENERIC", 0,
                List.of("rtpmap:97 MPEG4-GENERIC/48000/2", AAC_FMTP, "control:trackID=" + (index + 1)));
    }

    /** A single NAL unit packet: an IDR slice (type 5) or a non-IDR slice (type 1) naming the frame. */
    static byte[] slice(boolean idr, int frame) {
        byte[] nal = new byte[3 + frame % 7];
        nal[0] = (byte) (idr ? 0x65 : 0x41);
        nal[1] = (byte) (frame >> 8);
        nal[2] = (byte) frame;
        for (int i = 3; i < nal.length; i++) {
            nal[i] = (byte) (0x80 | i);
        }
        return nal;
    }

    /** The sample fragmented MP4 stores for one NAL unit: its 4-byte length, then the unit. */
    static byte[] lengthPrefixed(byte[]... nals) {
        int size = 0;
        for (byte[] nal : nals) {
            size += 4 + nal.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        for (byte[] nal : nals) {
            b.putInt(nal.length).put(nal);
        }
        return b.array();
    }

    /** A raw AAC frame naming its number. */
    static byte[] aacFrame(int frame) {
        byte[] au = new byte[4 + frame % 5];
        au[0] = 0x21;
        au[1] = (byte) (frame >> 8);
        au[2] = (byte) frame;
        au[3] = (byte) 0xAA;
        return au;
    }

    /** An AAC-hbr payload of one AU: AU-headers-length 16, the 13-bit size and 3-bit index 0, the AU. */
    static byte[] aacPayload(byte[] au) {
        ByteBuffer b = ByteBuffer.allocate(4 + au.length);
        b.putShort((short) 16).putShort((short) (au.length << 3)).put(au);
        return b.array();
    }

    /** One frame of the synthetic video: decode order index, presentation order index, key frame. */
    record Frame(int decode, int presentation, boolean key) {
        byte[] nal() {
            return slice(key, decode);
        }
    }

    /**
     * Video frames in decode order: {@code prefix} P frames (the end of a group of pictures the packager joined
     * in), then closed groups of pictures of the given sizes (each 1 + 3m frames: I, then P B B repeated, so the
     * presentation order within a group is 0, 3, 1, 2, 6, 4, 5, ...).
     */
    static List<Frame> frames(int prefix, int... gops) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            frames.add(new Frame(i, i, false));
        }
        int base = prefix;
        for (int size : gops) {
            if (size % 3 != 1) {
                throw new IllegalArgumentException("a group of " + size + " frames is not 1 + 3m");
            }
            frames.add(new Frame(frames.size(), base, true));
            for (int j = 0; j < (size - 1) / 3; j++) {
                frames.add(new Frame(frames.size(), base + 3 * j + 3, false));
                frames.add(new Frame(frames.size(), base + 3 * j + 1, false));
                frames.add(new Frame(frames.size(), base + 3 * j + 2, false));
            }
            base += size;
        }
        return frames;
    }
}
