/**
 * RTCP for a sending server (RFC 3550 §6): compound sender reports and BYE packets with SDES
 * CNAME, the transmission interval, and a bounds-checked parser for incoming compound packets
 * including Generic NACK (RFC 4585). Malformed input is rejected with a MalformedPacketException.
 */
package org.tributary.rtp.rtcp;
