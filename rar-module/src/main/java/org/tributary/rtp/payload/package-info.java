/**
 * Payload formats: turning one stored media sample into RTP payloads, and describing the format
 * in SDP. The codec subpackages each provide a {@link org.tributary.rtp.payload.Packetizer} and a
 * factory that builds the {@link org.tributary.rtp.payload.PayloadFormat} from the decoder
 * configuration stored in MP4 files.
 */
package org.tributary.rtp.payload;
