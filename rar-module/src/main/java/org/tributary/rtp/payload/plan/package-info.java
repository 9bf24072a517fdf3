/**
 * Which RTP payload format and packetizer a stored track gets: the one place that maps stored codecs
 * (MP4 sample entries, MP3 files) to the codec packages, so that sources name no codec. It sits above
 * the codec packages, which never import it.
 */
package org.tributary.rtp.payload.plan;
