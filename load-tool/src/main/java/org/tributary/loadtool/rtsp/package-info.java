/**
 * A small RTSP 1.0 client (RFC 2326): URLs with credentials, request building, a decoder for
 * responses interleaved with {@code $}-framed binary data, Basic/Digest authentication
 * (RFC 2617), SDP track discovery (RFC 4566), the Transport/Session headers and RTSP over HTTP
 * tunnelling (QuickTime's GET/POST pair).
 */
package org.tributary.loadtool.rtsp;
