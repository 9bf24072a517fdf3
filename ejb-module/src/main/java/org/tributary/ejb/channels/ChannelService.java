package org.tributary.ejb.channels;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tributary.api.ChannelInfo;
import org.tributary.api.ChannelOutcome;
import org.tributary.api.MediaFileInfo;
import org.tributary.api.playlist.PlaylistItem;
import org.tributary.api.playlist.PlaylistSyntaxException;
import org.tributary.ejb.adapter.AdapterClient;
import org.tributary.ejb.adapter.AdapterOfflineException;
import org.tributary.ejb.adapter.ClusterRole;
import org.tributary.ejb.adapter.StoredDefinitionChanged;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The stored channels and the adapter that plays them. The database holds every definition and whether it
 * should be running; the adapter plays the running ones and forgets them when stopped or restarted. A change
 * the adapter has to accept (a start, a new definition or playlist of a running channel) is stored only when
 * it accepts it; a refusal returns its problems, one per file. Definitions are checked with
 * {@link ChannelFields} before they are stored ({@link IllegalArgumentException} otherwise, a 400 in the API).
 * On a cluster edge ({@link ClusterRole#EDGE}) nothing is handed to the adapter: changes are stored, the origin plays
 * the channels (from the database at its start) and edges pull them from it on demand. Each change of what the origin
 * plays that an edge stores fires a {@link StoredDefinitionChanged}, which reaches the origin at its next heartbeat
 * ({@link #resync}). Skip and insert act on what plays now and are refused on an edge.
 */
@Stateless
public class ChannelService {

    private static final Logger LOG = Logger.getLogger(ChannelService.class.getName());

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    @EJB
    private AdapterClient adapter;

    @Inject
    private Event<StoredDefinitionChanged> changes;

    /** Every stored channel with what the adapter plays of it, by name. */
    public List<ChannelStatus> list() {
        Map<String, ChannelInfo> playing = playing();
        return em.createNamedQuery(PlaylistChannel.ALL, PlaylistChannel.class).getResultList().stream()
                .map(c -> ChannelStatus.of(c, playing.get(c.getName()), onEdge())).toList();
    }

    /** One channel with its state now, or empty when there is none of that name. */
    public Optional<ChannelStatus> find(String name) {
        return stored(name).map(this::status);
    }

    /** The stored definition alone (no adapter needed), or empty. */
    public Optional<ChannelSpec> definition(String name) {
        return stored(name).map(PlaylistChannel::spec);
    }

    /** Stores a new, stopped channel. */
    public ChannelStatus create(ChannelSpec spec) {
        checked(spec);
        if (stored(spec.name()).isPresent()) {
            throw new ChannelException(ChannelException.Reason.EXISTS, "channel '" + spec.name() + "' exists");
        }
        PlaylistChannel channel = new PlaylistChannel(spec, Instant.now());
        em.persist(channel);
        LOG.info("channel " + spec.name() + " created (" + spec.kind() + " at " + spec.mount() + ", "
                + spec.items().size() + " items)");
        return ChannelStatus.of(channel, null, onEdge());
    }

    /**
     * Changes a channel's definition (its name stays). A running one is restarted with it, and when the
     * adapter refuses the new definition nothing changes and the problems are returned.
     */
    public ChannelResult update(String name, ChannelSpec spec) {
        PlaylistChannel channel = existing(name);
        ChannelSpec renamed = new ChannelSpec(name, spec.mount(), spec.kind(), spec.mode(), spec.recentWindow(),
                spec.upcomingCount(), spec.items(), spec.referenceItem(), spec.title(), spec.genre(), spec.description());
        checked(renamed);
        if (channel.isRunning()) {
            ChannelOutcome outcome = start(renamed);
            if (!outcome.accepted()) {
                return new ChannelResult(status(channel), outcome.problems());
            }
            channel.setStartProblems(List.of());
            channel.define(renamed, Instant.now());
            LOG.info("channel " + name + " changed and restarted");
            return new ChannelResult(ChannelStatus.of(channel, outcome.channel(), onEdge()), List.of());
        }
        channel.define(renamed, Instant.now());
        LOG.info("channel " + name + " changed");
        return new ChannelResult(ChannelStatus.of(channel, null, onEdge()), List.of());
    }

    /** Deletes a channel, stopping it first when the adapter plays it. @return false when there is none */
    public boolean delete(String name) {
        Optional<PlaylistChannel> channel = stored(name);
        if (channel.isEmpty()) {
            return false;
        }
        if (onEdge() || channel.get().isRunning() || playing().containsKey(name)) {
            stopInAdapter(name);
        }
        em.remove(channel.get());
        LOG.info("channel " + name + " deleted");
        return true;
    }

    /** Starts a channel (restarts a running one); stored as running only when the adapter accepts it. */
    public ChannelResult start(String name) {
        PlaylistChannel channel = existing(name);
        ChannelOutcome outcome = start(channel.spec());
        if (!outcome.accepted()) {
            LOG.info("channel " + name + " not started: " + String.join("; ", outcome.problems()));
            return new ChannelResult(status(channel), outcome.problems());
        }
        channel.setRunning(true);
        channel.setStartProblems(List.of());
        LOG.info("channel " + name + " started");
        return new ChannelResult(ChannelStatus.of(channel, outcome.channel(), onEdge()), List.of());
    }

    /** Stops a channel; it stays stopped after a restart of the server. */
    public ChannelStatus stop(String name) {
        PlaylistChannel channel = existing(name);
        stopInAdapter(name);
        channel.setRunning(false);
        channel.setStartProblems(List.of());
        LOG.info("channel " + name + " stopped");
        return ChannelStatus.of(channel, null, onEdge());
    }

    /** Ends the item playing now; the next one starts at once. */
    public ChannelStatus skip(String name) {
        PlaylistChannel channel = existing(name);
        if (onEdge()) {
            throw ChannelException.onOrigin(name, "skip its items");
        }
        try {
            ChannelInfo after = adapter.skipChannelItem(name);
            if (after == null) {
                throw ChannelException.notRunning(name);
            }
            return ChannelStatus.of(channel, after, onEdge());
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /** Plays items next, ahead of the list, once (not stored): the channel must run. */
    public ChannelResult insert(String name, List<ChannelSpec.Item> items) {
        PlaylistChannel channel = existing(name);
        if (onEdge()) {
            throw ChannelException.onOrigin(name, "insert items");
        }
        String problem = ChannelFields.itemsProblem(items);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        try {
            ChannelOutcome outcome = adapter.insertChannelItems(name,
                    items.stream().map(i -> new PlaylistItem(i.path(), i.weight())).toList());
            if (outcome.channel() == null && outcome.accepted()) {
                throw ChannelException.notRunning(name);
            }
            if (outcome.channel() == null) {
                return new ChannelResult(status(channel), outcome.problems());
            }
            return new ChannelResult(ChannelStatus.of(channel, outcome.channel(), onEdge()), outcome.problems());
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /**
     * Replaces a channel's items. A running channel plays from the new list after the current item; when the
     * adapter refuses it nothing changes and the problems are returned.
     */
    public ChannelResult replaceItems(String name, List<ChannelSpec.Item> items) {
        PlaylistChannel channel = existing(name);
        ChannelSpec spec = channel.spec().withItems(items);
        checked(spec);
        ChannelInfo info = null;
        if (channel.isRunning()) {
            ChannelOutcome outcome = replacePlaylist(spec);
            if (!outcome.accepted()) {
                return new ChannelResult(status(channel), outcome.problems());
            }
            info = outcome.channel();
        }
        channel.setItems(items, Instant.now());
        LOG.info("channel " + name + ": " + items.size() + " items stored" + (info != null ? " and playing" : ""));
        return new ChannelResult(ChannelStatus.of(channel, info, onEdge()), List.of());
    }

    /**
     * Reads a Darwin playlist (and config) into a channel definition, stores nothing: check it with
     * {@link ChannelFields} and {@link #create} it. Folders are looked up in the adapter's catalogue.
     *
     * @throws PlaylistSyntaxException with every problem as {@code file:line: message}
     */
    public DarwinChannelFiles.Imported readDarwin(DarwinChannelFiles.ImportRequest request) throws PlaylistSyntaxException {
        List<MediaFileInfo> catalogue = catalogue();
        return DarwinChannelFiles.read(request, () -> catalogue);
    }

    /** The adapter's catalogue: the files items may name. */
    public List<MediaFileInfo> catalogue() {
        try {
            return adapter.mediaCatalogue();
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /**
     * At deployment: starts every channel stored as running. One the adapter refuses stays marked running (so a
     * fixed media file lets it start at the next deployment, or with Start) and its problems are kept for the
     * console and logged at WARNING, naming the channel and each problem.
     *
     * @return the names of the channels started
     */
    public List<String> startStoredAsRunning() {
        List<String> started = new java.util.ArrayList<>();
        if (onEdge()) {
            ClusterRole.noteEdgeSkipsRelaysAndChannels(LOG);
            return started;
        }
        for (PlaylistChannel channel : em.createNamedQuery(PlaylistChannel.ALL, PlaylistChannel.class).getResultList()) {
            if (!channel.isRunning()) {
                continue;
            }
            ChannelOutcome outcome = startStored(channel);
            if (outcome.accepted()) {
                started.add(channel.getName());
            } else {
                LOG.warning("channel " + channel.getName() + " is stored as running but was not started: "
                        + outcome.problems().size() + " problem(s)");
                outcome.problems().forEach(p -> LOG.warning("channel " + channel.getName() + ": " + p));
            }
        }
        return started;
    }

    /**
     * On the origin, for a change stored on an edge: makes the adapter match the store. A channel stored as running
     * is started with its stored definition (a running one restarts with it; a refusal is kept as its start
     * problems, as at deployment); one stored as stopped, or no longer stored, is stopped when it plays.
     *
     * @return what was done, for the command's outcome
     * @throws AdapterOfflineException when the adapter does not answer (the command stays pending)
     */
    public String resync(String name) {
        Optional<PlaylistChannel> channel = stored(name);
        if (channel.isPresent() && channel.get().isRunning()) {
            ChannelOutcome outcome = startStored(channel.get());
            return outcome.accepted() ? "channel " + name + " started with its stored definition"
                    : "channel " + name + " was refused by the server: " + String.join("; ", outcome.problems());
        }
        String why = channel.isPresent() ? " (stored as stopped)" : " (no longer stored)";
        return "channel " + name + (stopInAdapter(name) == null ? " was not playing" : " stopped") + why;
    }

    /** Starts a channel stored as running; a refusal (or a definition the adapter cannot read) is kept as its start problems. */
    private ChannelOutcome startStored(PlaylistChannel channel) {
        ChannelOutcome outcome;
        try {
            outcome = adapter.startChannel(channel.spec().definition());
        } catch (IllegalArgumentException e) {
            outcome = new ChannelOutcome(null, List.of(e.getMessage()));
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
        channel.setStartProblems(outcome.problems());
        return outcome;
    }

    /**
     * Hands a definition to the adapter to start; on a cluster edge nothing (accepted, no channel): the origin plays
     * the channels, and is told of the change once it is committed.
     */
    private ChannelOutcome start(ChannelSpec spec) {
        if (toOrigin(spec.name())) {
            return new ChannelOutcome(null, List.of());
        }
        try {
            return adapter.startChannel(spec.definition());
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /** A running channel's new list, after its current item; on a cluster edge nothing (accepted), as {@link #start}. */
    private ChannelOutcome replacePlaylist(ChannelSpec spec) {
        if (toOrigin(spec.name())) {
            return new ChannelOutcome(null, List.of());
        }
        try {
            return adapter.replaceChannelPlaylist(spec.name(), spec.playlist());
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /** Stops a channel in the adapter (null when it did not play); on a cluster edge nothing, as {@link #start}. */
    private ChannelInfo stopInAdapter(String name) {
        if (toOrigin(name)) {
            return null;
        }
        try {
            return adapter.stopChannel(name);
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    /** On a cluster edge, tells the origin (after the commit) that a channel changed; @return whether this is an edge */
    private boolean toOrigin(String name) {
        if (onEdge()) {
            changes.fire(StoredDefinitionChanged.channel(name));
        }
        return onEdge();
    }

    /** Whether this server is a cluster edge, whose adapter plays no stored channels. */
    private static boolean onEdge() {
        return !ClusterRole.current().runsRelaysAndChannels();
    }

    private static void checked(ChannelSpec spec) {
        Map<String, String> problems = ChannelFields.problems(spec);
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw new IllegalArgumentException(first.getKey() + ": " + first.getValue());
        }
    }

    private ChannelStatus status(PlaylistChannel channel) {
        return ChannelStatus.of(channel, playing().get(channel.getName()), onEdge());
    }

    private Map<String, ChannelInfo> playing() {
        try {
            return adapter.channels().stream().collect(Collectors.toMap(ChannelInfo::name, Function.identity(), (a, b) -> a));
        } catch (AdapterClient.AdapterUnavailableException e) {
            throw new AdapterOfflineException(e.getMessage(), e);
        }
    }

    private Optional<PlaylistChannel> stored(String name) {
        return em.createNamedQuery(PlaylistChannel.BY_NAME, PlaylistChannel.class).setParameter("name", name)
                .getResultList().stream().findFirst();
    }

    private PlaylistChannel existing(String name) {
        return stored(name).orElseThrow(() -> ChannelException.unknown(name));
    }
}
