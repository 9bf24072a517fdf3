/**
 * Live HLS: a packager per live stream that HLS viewers ask for ({@link org.tributary.hls.live.LiveHlsStreams}).
 * It reads the stream like one more viewer (a {@link org.tributary.stream.StreamReader} paced by the streaming
 * engine, so no thread of its own), rebuilds access units from the RTP payloads with the depacketizers of
 * {@code rtp.payload}, cuts fragmented-MP4 segments at key frames ({@link org.tributary.hls.live.LiveSegmenter})
 * and keeps a sliding window of them for the playlist. It stops when no viewer asked for a while. Above
 * {@code stream} and {@code engine}; {@code hls} (access, tokens, viewings) reaches it through
 * {@link org.tributary.hls.LiveHls}.
 */
package org.tributary.hls.live;
