/**
 * H.265 over RTP (RFC 7798): single NAL unit, fragmentation unit and aggregation packets from
 * length-prefixed HEVC samples, and back through {@code nal.NalUnitDepacketizer}; {@code H265NalSyntax}
 * is the codec's part of the shared NAL-unit code. The SDP fmtp is built from the MP4 hvcC record.
 */
package org.tributary.rtp.payload.h265;
