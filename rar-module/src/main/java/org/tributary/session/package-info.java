/**
 * RTSP sessions: what one client has set up (a source and, per track, a transport and RTP state), its
 * playback on the engine, its statistics from RTCP receiver reports, and the registry that finds
 * sessions by id and ends the ones whose client went silent.
 */
package org.tributary.session;
