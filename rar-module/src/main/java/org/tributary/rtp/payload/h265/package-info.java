/**
 * H.265 over RTP (RFC 7798): single NAL unit, fragmentation unit and aggregation packets from
 * length-prefixed HEVC samples. The SDP fmtp is built from the MP4 hvcC record.
 */
package org.tributary.rtp.payload.h265;
