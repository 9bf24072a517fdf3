/**
 * The load tool's RTSP 1.0 client connections (RFC 2326) over non-blocking sockets, built on the
 * {@code rtsp-codec} module: requests are encoded as {@link org.tributary.rtsp.RtspRequest}, responses decoded
 * by {@link org.tributary.rtsp.RtspDecoder} (interleaved {@code $} frames are handed over in place, without a
 * copy per packet), 401s answered by {@link org.tributary.rtsp.client.ClientAuthenticator}, Session and
 * Transport read with the {@code rtsp.header} types. What is the load tool's own: URLs with credentials, SDP
 * track discovery (RFC 4566) and RTSP over HTTP tunnelling (QuickTime's GET/POST pair).
 */
package org.tributary.loadtool.rtsp;
