/**
 * MPEG-1/2 audio (MP3) over RTP as in RFC 2250 §3.5, static payload type 14. Frames larger than a
 * packet are split using the fragment offset header, and rebuilt from it on the way in.
 */
package org.tributary.rtp.payload.mpegaudio;
