/**
 * The RTSP 1.0 message model (RFC 2326): requests, responses, headers, status codes, and a bounded
 * incremental decoder for what arrives on a connection. Protocol header values (Transport, Range, ...)
 * live in {@code rtsp.header}; nothing here knows about sessions or media.
 */
package org.tributary.rtsp;
