/**
 * Channels the server feeds itself from playlists (Darwin's Playlist Broadcaster and MP3 Broadcaster, run
 * inside the server): {@link org.tributary.channel.Channels} (the running channels by name),
 * {@link org.tributary.channel.ChannelProgramme} (what plays now and next, skip, insert, replace, the play log),
 * one {@link org.tributary.channel.ChannelKindSupport} per kind: movies into a {@code stream.Stream}
 * ({@code StreamChannels}) and songs into an {@code mp3http} station
 * ({@code RadioChannels}).
 */
package org.tributary.channel;
