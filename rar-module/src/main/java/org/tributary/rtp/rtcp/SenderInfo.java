package org.tributary.rtp.rtcp;

/** The sender information section of a received SR (RFC 3550 §6.4.1). */
public record SenderInfo(long ssrc, NtpTime ntpTime, long rtpTimestamp, long packetCount, long octetCount) {
}
