/**
 * The load tool's HLS viewers: the playlist parser ({@link org.tributary.loadtool.hls.Playlist}), the player's
 * clock that paces segment loads and counts stalls, which segment comes next in a VOD or live playlist, the
 * shared asynchronous HTTP client, and the viewer that puts them together ({@link
 * org.tributary.loadtool.hls.HlsViewer}).
 */
package org.tributary.loadtool.hls;
