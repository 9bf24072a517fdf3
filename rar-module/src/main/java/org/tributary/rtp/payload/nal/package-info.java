/**
 * NAL-unit payload formats (H.264 RFC 6184, H.265 RFC 7798) in one place: the packetizer and
 * depacketizer share single NAL unit, aggregation and fragmentation handling, and each codec supplies
 * only its {@link org.tributary.rtp.payload.nal.NalSyntax} (header size and fields).
 */
package org.tributary.rtp.payload.nal;
