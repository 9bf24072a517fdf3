/**
 * H.264 over RTP (RFC 6184, packetization-mode=1): Single NAL unit, FU-A and STAP-A packets from
 * AVCC samples, and back through {@code nal.NalUnitDepacketizer}; {@code H264NalSyntax} is the codec's
 * part of the shared NAL-unit code. The SDP fmtp is built from the MP4 avcC record.
 */
package org.tributary.rtp.payload.h264;
