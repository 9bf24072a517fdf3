package org.tributary.loadtool.publish;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Real-looking H.264 RTP packets (RFC 6184, packetization-mode=1) at a given bitrate and frame rate:
 * every GOP starts with SPS, PPS and an IDR slice, the other frames are non-IDR slices; a slice larger
 * than the payload limit goes as FU-A fragments; timestamps are 90 kHz; the marker is set on the last
 * packet of each frame. Slice bodies are pseudo-random bytes (nobody decodes them; servers and viewers
 * only look at NAL headers and RTP headers).
 */
public final class H264RtpGenerator {
    public static final int PAYLOAD_TYPE = 96;
    public static final int CLOCK_RATE = 90_000;
    /** SPS and PPS of a 640x360 constrained-baseline stream (level 3.0), as x264 writes them. */
    static final byte[] SPS = Base64.getDecoder().decode("Z0LAHtkAoC/5cBEAAAMAAQAAAwAyDxYuSA==");
    static final byte[] PPS = Base64.getDecoder().decode("aMuDyyA=");
    /** An IDR slice is this many times the size of a non-IDR one. */
    static final int IDR_WEIGHT = 4;
    private static final int RTP_HEADER = 12;
    private static final int FU_A = 28;
    private static final int NAL_IDR = 5;
    private static final int NAL_NON_IDR = 1;

    private final double fps;
    private final int gopFrames;
    private final int maxPayload;
    private final long ssrc;
    private final int idrBytes;
    private final int sliceBytes;
    private final SplittableRandom random;
    private int sequence;
    private final long firstTimestamp;
    private long frame;

    /**
     * @param bitrateBps average video bitrate (slice bytes; headers come on top)
     * @param maxPayload largest RTP payload, e.g. 1400 for a 1500-byte MTU
     */
    public H264RtpGenerator(int bitrateBps, double fps, int gopFrames, int maxPayload, long ssrc, long seed) {
        if (bitrateBps < 8_000 || fps <= 0 || fps > 240 || gopFrames < 1 || maxPayload < 100 || maxPayload > 65_000) {
            throw new IllegalArgumentException("bitrate >= 8000 bit/s, 0 < fps <= 240, gop >= 1,"
                    + " 100 <= payload <= 65000 required");
        }
        this.fps = fps;
        this.gopFrames = gopFrames;
        this.maxPayload = maxPayload;
        this.ssrc = ssrc & 0xFFFFFFFFL;
        this.random = new SplittableRandom(seed);
        this.sequence = random.nextInt(0x10000);
        this.firstTimestamp = random.nextLong(0x100000000L);
        double bytesPerGop = bitrateBps / 8.0 / fps * gopFrames;
        int shares = IDR_WEIGHT + gopFrames - 1;
        this.sliceBytes = Math.max(16, (int) (bytesPerGop / shares));
        this.idrBytes = gopFrames == 1 ? Math.max(16, (int) bytesPerGop) : sliceBytes * IDR_WEIGHT;
    }

    /** The fmtp value for the SDP (packetization mode, profile-level-id, sprop-parameter-sets). */
    public static String fmtp() {
        return "packetization-mode=1;profile-level-id=42C01E;sprop-parameter-sets="
                + Base64.getEncoder().encodeToString(SPS) + "," + Base64.getEncoder().encodeToString(PPS);
    }

    /** The number of the frame {@link #nextFrame} returns next, from 0. */
    public long frameNumber() {
        return frame;
    }

    /** Seconds from the first frame to frame {@code n}. */
    public double secondsOf(long n) {
        return n / fps;
    }

    /** The RTP packets of the next frame, in order. */
    public List<ByteBuffer> nextFrame() {
        long timestamp = (firstTimestamp + Math.round(frame * CLOCK_RATE / fps)) & 0xFFFFFFFFL;
        boolean idr = frame % gopFrames == 0;
        frame++;
        List<byte[]> nals = new ArrayList<>(3);
        if (idr) {
            nals.add(SPS);
            nals.add(PPS);
            nals.add(slice((byte) (0x60 | NAL_IDR), idrBytes));
        } else {
            nals.add(slice((byte) (0x40 | NAL_NON_IDR), sliceBytes));
        }
        List<ByteBuffer> packets = new ArrayList<>();
        for (int i = 0; i < nals.size(); i++) {
            packetize(nals.get(i), timestamp, i == nals.size() - 1, packets);
        }
        return packets;
    }

    private byte[] slice(byte header, int size) {
        byte[] nal = new byte[size];
        random.nextBytes(nal);
        nal[0] = header;
        return nal;
    }

    private void packetize(byte[] nal, long timestamp, boolean lastOfFrame, List<ByteBuffer> out) {
        if (nal.length <= maxPayload) {
            out.add(packet(timestamp, lastOfFrame, null, nal, 0, nal.length));
            return;
        }
        byte indicator = (byte) ((nal[0] & 0xE0) | FU_A);
        int type = nal[0] & 0x1F;
        int chunk = maxPayload - 2;
        for (int offset = 1; offset < nal.length; offset += chunk) {
            int length = Math.min(chunk, nal.length - offset);
            boolean start = offset == 1;
            boolean end = offset + length == nal.length;
            byte fuHeader = (byte) ((start ? 0x80 : 0) | (end ? 0x40 : 0) | type);
            out.add(packet(timestamp, lastOfFrame && end, new byte[] {indicator, fuHeader}, nal, offset, length));
        }
    }

    private ByteBuffer packet(long timestamp, boolean marker, byte[] prefix, byte[] body, int offset, int length) {
        int prefixLength = prefix == null ? 0 : prefix.length;
        ByteBuffer p = ByteBuffer.allocate(RTP_HEADER + prefixLength + length);
        p.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | PAYLOAD_TYPE)).putShort((short) sequence)
                .putInt((int) timestamp).putInt((int) ssrc);
        sequence = (sequence + 1) & 0xFFFF;
        if (prefix != null) {
            p.put(prefix);
        }
        p.put(body, offset, length);
        return p.flip();
    }
}
