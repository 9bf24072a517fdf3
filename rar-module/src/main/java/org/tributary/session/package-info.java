/**
 * RTSP sessions, of two kinds ({@link org.tributary.session.Session}): a reader session
 * ({@link org.tributary.session.RtspSession}, PLAY) is what one client has set up (a source, a file read
 * from its own position or a shared stream, and per track a transport, RTP state and a retransmission
 * history), its playback on the engine and its statistics from RTCP receiver reports; a publisher session
 * ({@link org.tributary.session.PublisherSession}, RECORD) owns the stream it feeds. Also the registry that
 * finds sessions by id and ends the silent ones, and the multicast feed of a stream. Time comes from
 * injected clocks.
 */
package org.tributary.session;
