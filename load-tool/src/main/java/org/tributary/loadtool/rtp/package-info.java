/**
 * RTP/RTCP reception: packet header parsing, per-source loss accounting (RFC 3550 A.1/A.3),
 * interarrival jitter (RFC 3550 6.4.1/A.8), receiver reports, and the selector threads that
 * read thousands of UDP sockets and interleaved TCP connections without a thread per session.
 */
package org.tributary.loadtool.rtp;
