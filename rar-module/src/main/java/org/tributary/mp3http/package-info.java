/**
 * MP3 over HTTP, as Darwin Streaming Server (and Icecast) served it to any player: a plain HTTP GET for
 * an {@code .mp3} file on the RTSP port or the tunnel port is answered with the file's frames, paced at
 * its bit rate after a short burst, with ICY metadata (StreamTitle) when the player asks for it. The
 * request goes through the same access guard as RTSP (protocol {@code http-mp3}); each ended stream
 * becomes one access-log record. Streams are pumped by the streaming engine's sender threads, never by
 * a thread of their own. The body ({@link org.tributary.mp3http.Mp3Body}) is the file's Xing/Info frame
 * (gapless playback) and its audio frames; a single {@code Range} gets 206 so players can seek. Streams are
 * listed, counted and limited with the RTSP sessions (console, statistics, bandwidth limit).
 */
package org.tributary.mp3http;
