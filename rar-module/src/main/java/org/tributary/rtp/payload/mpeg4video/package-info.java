/**
 * MPEG-4 Visual elementary streams over RTP (RFC 3016, MP4V-ES). VOPs are split to the payload
 * size with the marker on the last piece and joined again (I-VOPs are key frames); the SDP config is the stored DecoderSpecificInfo.
 */
package org.tributary.rtp.payload.mpeg4video;
