package org.tributary.rtp.rtcp;

/** RTCP packet type values (RFC 3550 §12.1, RFC 4585 §6.1). */
public final class RtcpPacketType {
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    public static final int APP = 204;
    public static final int RTPFB = 205;
    public static final int PSFB = 206;

    private RtcpPacketType() {
    }

    /** Writes the common 4-byte header: V=2, P=0, count, type and the length in 32-bit words minus one. */
    static void writeHeader(java.nio.ByteBuffer dst, int count, int packetType, int packetBytes) {
        dst.put((byte) (0x80 | count));
        dst.put((byte) packetType);
        dst.putShort((short) (packetBytes / 4 - 1));
    }
}
