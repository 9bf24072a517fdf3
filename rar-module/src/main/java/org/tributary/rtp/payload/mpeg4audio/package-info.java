/**
 * AAC over RTP in RFC 3640 AAC-hbr mode (MPEG4-GENERIC), one access unit per packet with
 * fragmentation of large units, and back (several AUs per payload, fragments). The SDP is built from the AudioSpecificConfig.
 */
package org.tributary.rtp.payload.mpeg4audio;
