/**
 * An immutable model of SDP session descriptions (RFC 4566) as used by RTSP DESCRIBE and ANNOUNCE:
 * {@link org.tributary.sdp.SessionDescription} with its {@link org.tributary.sdp.MediaDescription}s,
 * a writer producing CRLF text in the RFC's field order, and a liberal, bounded parser that also
 * accepts the SDP fragments stored in QuickTime hinted files and what ffmpeg sends.
 */
package org.tributary.sdp;
