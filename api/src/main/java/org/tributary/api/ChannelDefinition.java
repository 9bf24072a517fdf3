package org.tributary.api;

import org.tributary.api.playlist.PlayMode;
import org.tributary.api.playlist.Playlist;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel as the console stores it and the adapter plays it: a playlist played in a mode at a mount.
 *
 * @param name              its name, also its key: 1 to 64 letters, digits, '.', '_' or '-'
 * @param mount             the path it is served at, relative to the media root ({@code channels/news.sdp},
 *                          {@code radio/jazz}); a running stream there shadows a file of that path
 * @param kind              movies as a live stream, or songs as a radio station
 * @param mode              the play mode
 * @param recentWindow      weighted random: picks before an item may repeat (clamped by the picker)
 * @param upcomingCount     how many items "up next" shows (Darwin's {@code max_upcoming_list_size})
 * @param playlist          the items, paths relative to the media root
 * @param referenceItem     the item whose tracks define the stream (Darwin's {@code sdp_reference_movie}),
 *                          or null for the playlist's first; radio ignores it
 * @param title             a radio station's name ({@code icy-name}), or null for the channel's name
 * @param genre             a radio station's genre ({@code icy-genre}), or null
 * @param description       a radio station's description ({@code icy-description}), or null
 */
public record ChannelDefinition(String name, String mount, ChannelKind kind, PlayMode mode, int recentWindow,
                                int upcomingCount, Playlist playlist, String referenceItem, String title,
                                String genre, String description) implements Serializable {

    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Most items "up next" can show. */
    public static final int MAX_UPCOMING = 50;

    public ChannelDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mount, "mount");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(playlist, "playlist");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a channel name is 1 to 64 letters, digits, '.', '_' or '-', not '"
                    + name + "'");
        }
        if (mount.isBlank()) {
            throw new IllegalArgumentException("a channel needs a mount path");
        }
        if (recentWindow < 0) {
            throw new IllegalArgumentException("the recent window cannot be negative: " + recentWindow);
        }
        if (upcomingCount < 0 || upcomingCount > MAX_UPCOMING) {
            throw new IllegalArgumentException("up next shows 0 to " + MAX_UPCOMING + " items, not " + upcomingCount);
        }
    }
}
