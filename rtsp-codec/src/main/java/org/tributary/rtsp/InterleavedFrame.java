package org.tributary.rtsp;

/**
 * A binary packet carried on the RTSP connection ({@code $}, channel, 16-bit length; RFC 2326 §10.12).
 *
 * @param channel the interleaved channel
 * @param payload the RTP or RTCP packet
 */
public record InterleavedFrame(int channel, byte[] payload) implements RtspMessage {

    public InterleavedFrame {
        if (channel < 0 || channel > 255 || payload.length > 0xFFFF) {
            throw new IllegalArgumentException("channel " + channel + " or length " + payload.length + " out of range");
        }
    }

    @Override
    public byte[] encode() {
        byte[] out = new byte[4 + payload.length];
        out[0] = '$';
        out[1] = (byte) channel;
        out[2] = (byte) (payload.length >> 8);
        out[3] = (byte) payload.length;
        System.arraycopy(payload, 0, out, 4, payload.length);
        return out;
    }
}
