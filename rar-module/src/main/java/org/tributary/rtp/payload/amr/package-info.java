/**
 * Narrow-band AMR over RTP in RFC 4867 octet-aligned mode, packing as many storage-format frames
 * per packet as fit, and back to one storage frame per access unit. The SDP is the fixed AMR/8000/1 description with octet-align=1.
 */
package org.tributary.rtp.payload.amr;
