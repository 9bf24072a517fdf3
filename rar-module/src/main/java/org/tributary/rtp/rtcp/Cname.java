package org.tributary.rtp.rtcp;

/** A CNAME item found in an SDES chunk (RFC 3550 §6.5.1). */
public record Cname(long ssrc, String cname) {
}
