/**
 * The RTSP 1.0 message model (RFC 2326) for both directions: requests, responses and interleaved frames
 * (the sealed {@link org.tributary.rtsp.RtspMessage}, each encoding itself), headers, status codes, and a
 * bounded incremental decoder for what arrives on a connection, server or client side. Protocol header values (Transport, Range, ...)
 * live in {@code rtsp.header}; nothing here knows about sessions or media.
 */
package org.tributary.rtsp;
