package org.tributary.ejb.channels;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tributary.api.ChannelDefinition;
import org.tributary.api.ChannelKind;
import org.tributary.api.playlist.PlayMode;
import org.tributary.api.playlist.Playlist;
import org.tributary.api.playlist.PlaylistItem;

import java.io.Serializable;
import java.util.List;

/**
 * A channel's definition as the console, the API and the Darwin import give it, before it is checked: the
 * constraints are the formats of single fields ({@link ChannelFields} checks them, and the items). Blank
 * optional texts are null.
 *
 * @param name          its key: 1 to 64 letters, digits, '.', '_' or '-'
 * @param mount         where it is served, relative to the media root ({@code channels/news.sdp})
 * @param kind          stream or radio; null when not given (a problem)
 * @param mode          the play mode; null when not given (a problem)
 * @param recentWindow  weighted random: picks before an item may repeat
 * @param upcomingCount items "up next" shows
 * @param items         the playlist, in order
 * @param referenceItem the item whose tracks define a stream, or null for the first
 * @param title         a radio station's name, or null
 * @param genre         a radio station's genre, or null
 * @param description   a radio station's description, or null
 */
public record ChannelSpec(
        @NotNull(message = "{channel.name}") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "{channel.name}") String name,
        @NotBlank(message = "{channel.mount.needed}") @Size(max = 1024, message = "{channel.mount}")
        @Pattern(regexp = MEDIA_PATH, message = "{channel.mount}") String mount,
        @NotNull(message = "{channel.kind}") ChannelKind kind,
        @NotNull(message = "{channel.mode}") PlayMode mode,
        @Min(value = 0, message = "{channel.recent}") @Max(value = MAX_RECENT, message = "{channel.recent}") int recentWindow,
        @Min(value = 0, message = "{channel.upcoming}") @Max(value = ChannelDefinition.MAX_UPCOMING, message = "{channel.upcoming}") int upcomingCount,
        List<Item> items,
        @Size(max = 1024, message = "{channel.reference}") @Pattern(regexp = MEDIA_PATH, message = "{channel.reference}") String referenceItem,
        @Size(max = 255, message = "{channel.text}") @Pattern(regexp = TEXT, message = "{channel.text}") String title,
        @Size(max = 255, message = "{channel.text}") @Pattern(regexp = TEXT, message = "{channel.text}") String genre,
        @Size(max = 1024, message = "{channel.description}") @Pattern(regexp = TEXT, message = "{channel.description}") String description)
        implements Serializable {

    /** A file or mount under the media root: not absolute, no ".." segment, no backslash, quote or control character. */
    static final String MEDIA_PATH = "(?!/)(?!(.*/)?\\.\\.(/.*)?$)[^\\\\\"\\x00-\\x1F\\x7F]*";
    /** One line of text. */
    static final String TEXT = "[^\\x00-\\x1F\\x7F]*";
    /** Darwin's bound of recent_movies_list_size. */
    public static final int MAX_RECENT = 100_000;

    /** One playlist line as given: the weight is checked by {@link ChannelFields}. */
    public record Item(String path, int weight) implements Serializable {
    }

    public ChannelSpec {
        items = items == null ? List.of() : List.copyOf(items);
        referenceItem = blankToNull(referenceItem);
        title = blankToNull(title);
        genre = blankToNull(genre);
        description = blankToNull(description);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The same channel with other items. */
    public ChannelSpec withItems(List<Item> newItems) {
        return new ChannelSpec(name, mount, kind, mode, recentWindow, upcomingCount, newItems, referenceItem, title,
                genre, description);
    }

    /** The playlist of checked items. */
    public Playlist playlist() {
        return new Playlist(items.stream().map(i -> new PlaylistItem(i.path(), i.weight())).toList());
    }

    /** The adapter's definition of a checked spec ({@link ChannelFields#problems} found nothing). */
    public ChannelDefinition definition() {
        return new ChannelDefinition(name, mount, kind, mode, recentWindow, upcomingCount, playlist(), referenceItem,
                title, genre, description);
    }
}
