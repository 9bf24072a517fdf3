/**
 * Typed values of the RTSP 1.0 headers Tributary reads and writes (Transport, Session, Range, RTP-Info,
 * Scale, Speed, Authorization, WWW-Authenticate), each an immutable record with a liberal {@code parse}
 * and a canonical {@code format}. Malformed values raise {@link org.tributary.rtsp.header.HeaderParseException},
 * which the RTSP layer answers with 400 (461 for {@link org.tributary.rtsp.header.UnsupportedTransportException}).
 */
package org.tributary.rtsp.header;
