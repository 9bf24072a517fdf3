/**
 * How RTP and RTCP leave the server: over the shared UDP port pair
 * ({@link org.tributary.transport.UdpEndpoint}), or interleaved on the client's RTSP (or tunnel)
 * connection. Every send is non-blocking: a packet that cannot go now is dropped and counted.
 */
package org.tributary.transport;
