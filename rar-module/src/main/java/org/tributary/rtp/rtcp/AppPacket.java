package org.tributary.rtp.rtcp;

/** An APP packet (RFC 3550 §6.7); only its identity is kept. */
public record AppPacket(int subtype, long ssrc, String name, int dataLength) {
}
