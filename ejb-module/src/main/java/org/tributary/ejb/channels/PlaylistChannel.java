package org.tributary.ejb.channels;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.tributary.api.ChannelKind;
import org.tributary.api.playlist.PlayMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored channel: its definition, and whether it should be running (the adapter forgets its channels at
 * a restart; {@link ChannelsAtStartup} starts the ones marked running again). The problems of the last
 * start that was refused while it stayed marked running (at deployment) are kept for the console.
 */
@Entity
@Table(name = "playlist_channel")
@NamedQuery(name = PlaylistChannel.ALL, query = "select c from PlaylistChannel c order by c.name")
@NamedQuery(name = PlaylistChannel.BY_NAME, query = "select c from PlaylistChannel c where c.name = :name")
public class PlaylistChannel {

    static final String ALL = "PlaylistChannel.all";
    static final String BY_NAME = "PlaylistChannel.byName";

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "name", nullable = false, unique = true, length = 64)
    private String name;

    @Column(name = "mount", nullable = false, length = 1024)
    private String mount;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private ChannelKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "play_mode", nullable = false, length = 32)
    private PlayMode mode;

    @Column(name = "recent_window", nullable = false)
    private int recentWindow;

    @Column(name = "upcoming_count", nullable = false)
    private int upcomingCount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "playlist_channel_item", joinColumns = @JoinColumn(name = "channel_id"))
    @OrderColumn(name = "item_index")
    private List<ChannelItem> items = new ArrayList<>();

    @Column(name = "reference_item", length = 1024)
    private String referenceItem;

    @Column(name = "title", length = 255)
    private String title;

    @Column(name = "genre", length = 255)
    private String genre;

    @Column(name = "description", length = 1024)
    private String description;

    @Column(name = "running", nullable = false)
    private boolean running;

    @Column(name = "start_problems", length = 4000)
    private String startProblems;

    @Column(name = "created_at", nullable = false)
    private Instant created;

    @Column(name = "updated_at", nullable = false)
    private Instant updated;

    protected PlaylistChannel() {
    }

    public PlaylistChannel(ChannelSpec spec, Instant now) {
        this.name = spec.name();
        this.created = now;
        define(spec, now);
    }

    /** Takes a checked definition (the name stays). */
    void define(ChannelSpec spec, Instant now) {
        mount = spec.mount();
        kind = spec.kind();
        mode = spec.mode();
        recentWindow = spec.recentWindow();
        upcomingCount = spec.upcomingCount();
        setItems(spec.items(), now);
        referenceItem = spec.referenceItem();
        title = spec.title();
        genre = spec.genre();
        description = spec.description();
    }

    void setItems(List<ChannelSpec.Item> newItems, Instant now) {
        items.clear();
        newItems.forEach(i -> items.add(new ChannelItem(i.path(), i.weight())));
        updated = now;
    }

    /** The definition as stored. */
    public ChannelSpec spec() {
        return new ChannelSpec(name, mount, kind, mode, recentWindow, upcomingCount,
                items.stream().map(i -> new ChannelSpec.Item(i.getPath(), i.getWeight())).toList(), referenceItem, title,
                genre, description);
    }

    public String getName() {
        return name;
    }

    public boolean isRunning() {
        return running;
    }

    void setRunning(boolean running) {
        this.running = running;
    }

    /** The refused start's problems, one a line, or null. */
    public String getStartProblems() {
        return startProblems;
    }

    void setStartProblems(List<String> problems) {
        if (problems == null || problems.isEmpty()) {
            startProblems = null;
            return;
        }
        String joined = String.join("\n", problems);
        startProblems = joined.length() > 4000 ? joined.substring(0, 3997) + "..." : joined;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }
}
