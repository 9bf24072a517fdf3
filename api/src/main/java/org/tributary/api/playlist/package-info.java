/**
 * The pure parts of a simulated live channel in the manner of Darwin's PlaylistBroadcaster and
 * MP3Broadcaster: the {@code *PLAY-LIST*} file ({@link org.tributary.api.playlist.DarwinPlaylistParser},
 * {@link org.tributary.api.playlist.DarwinPlaylistWriter}), the channel's {@code .config} file
 * ({@link org.tributary.api.playlist.DarwinConfigParser}) and the order in which items play
 * ({@link org.tributary.api.playlist.ItemPicker}). Files are read by the caller and handed in as text, so
 * nothing here touches the file system, the clock or a socket, and nothing depends on anything but the JDK;
 * streaming the picked files belongs to the adapter.
 */
package org.tributary.api.playlist;
