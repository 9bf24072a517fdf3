/**
 * Playlist channels (Darwin's Playlist Broadcaster and MP3 Broadcaster, issue #14): the stored definitions
 * ({@link org.tributary.ejb.channels.PlaylistChannel}, the source of truth for what a channel plays and
 * whether it should be running), their field rules ({@link org.tributary.ejb.channels.ChannelFields}), the
 * service that starts, stops and changes them through the adapter
 * ({@link org.tributary.ejb.channels.ChannelService}), the start of the channels stored as running when the
 * application is deployed ({@link org.tributary.ejb.channels.ChannelsAtStartup}), and the Darwin
 * {@code .ply}/{@code .config} import and export ({@link org.tributary.ejb.channels.DarwinChannelFiles}).
 */
package org.tributary.ejb.channels;
