/**
 * H.264 over RTP (RFC 6184, packetization-mode=1): Single NAL unit, FU-A and STAP-A packets from
 * AVCC samples. The SDP fmtp is built from the MP4 avcC record.
 */
package org.tributary.rtp.payload.h264;
