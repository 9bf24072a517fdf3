/**
 * RTP packet writing and parsing (RFC 3550 §5). {@link org.tributary.rtp.RtpPacketWriter} frames
 * payloads for one outgoing stream and counts what the sender report needs; {@link
 * org.tributary.rtp.RtpHeader} parses received packets for tests and clients.
 */
package org.tributary.rtp;
