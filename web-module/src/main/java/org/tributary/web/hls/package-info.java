/**
 * HLS over Undertow: {@code /tributary/hls/<path>/index.m3u8}, {@code media.m3u8}, {@code init.mp4} and
 * {@code seg<N>.m4s}. The servlet hands each request to the adapter (which decides access and makes the bytes)
 * and answers with the HTTP side: types, caching, byte ranges, CORS, the token carried on in playlists.
 */
package org.tributary.web.hls;
