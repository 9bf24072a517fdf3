/**
 * How RTP and RTCP leave and enter the server: over the shared UDP port pair
 * ({@link org.tributary.transport.UdpEndpoint}, which also hands incoming RTP to registered receivers),
 * interleaved on the client's RTSP (or tunnel) connection through the
 * {@link org.tributary.transport.InterleavedWriter} the server implements, or once to a multicast group
 * ({@link org.tributary.transport.MulticastSink}). Every send is non-blocking: a packet that cannot go now
 * is dropped and counted.
 */
package org.tributary.transport;
