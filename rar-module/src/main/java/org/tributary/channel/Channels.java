package org.tributary.channel;

import org.tributary.api.ChannelDefinition;
import org.tributary.api.ChannelInfo;
import org.tributary.api.ChannelKind;
import org.tributary.api.ChannelOutcome;
import org.tributary.api.playlist.Playlist;
import org.tributary.api.playlist.PlaylistItem;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The channels running now, by name. Start, stop and the operator's changes are serialised here; the feeders
 * run on their own (the streaming engine's threads).
 */
public final class Channels {

    /** Most channels that run at once; each holds a file open and a feeder on the engine. */
    public static final int MAX_CHANNELS = 64;

    private final Map<ChannelKind, ChannelKindSupport> kinds = new EnumMap<>(ChannelKind.class);
    private final Map<String, Channel> running = new TreeMap<>();
    private final RandomGenerator random;
    private final Clock clock;

    public Channels(RandomGenerator random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Makes a kind of channel available. */
    public synchronized void support(ChannelKind kind, ChannelKindSupport support) {
        kinds.put(kind, support);
    }

    /** Starts a channel, or restarts the running one of that name with this definition once it checks out. */
    public synchronized ChannelOutcome start(ChannelDefinition definition) {
        Channel old = running.get(definition.name());
        ChannelKindSupport support = kinds.get(definition.kind());
        if (support == null) {
            return refused(old, List.of(definition.kind().name().toLowerCase() + " channels are not available"));
        }
        List<String> problems = new ArrayList<>(support.check(definition));
        for (Map.Entry<String, Channel> other : running.entrySet()) {
            if (!other.getKey().equals(definition.name()) && sameMount(other.getValue().mount(), definition.mount())) {
                problems.add(definition.mount() + ": channel " + other.getKey() + " is served there");
            }
        }
        if (old == null && running.size() >= MAX_CHANNELS) {
            problems.add("at most " + MAX_CHANNELS + " channels run at once");
        }
        if (!problems.isEmpty()) {
            return refused(old, problems);
        }
        if (old != null) {
            running.remove(definition.name());
            old.stop();
        }
        ChannelProgramme programme = new ChannelProgramme(definition, random, support::title, clock);
        try {
            Channel channel = support.start(definition, programme);
            running.put(definition.name(), channel);
            awaitFirstItem(programme);
            return new ChannelOutcome(channel.info(), List.of());
        } catch (ChannelKindSupport.ChannelStartException e) {
            return new ChannelOutcome(null, List.of(e.getMessage()));
        }
    }

    /** The answer to a start shows the first item playing: the feeder picks it at its first turn, at once. */
    private static void awaitFirstItem(ChannelProgramme programme) {
        try {
            programme.awaitItemAfter(0, SKIP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean sameMount(String canonical, String requested) {
        return canonical.equals(requested) || canonical.equals(requested.replaceFirst("^/+", ""));
    }

    private static ChannelOutcome refused(Channel current, List<String> problems) {
        return new ChannelOutcome(current == null ? null : current.info(), problems);
    }

    /** @return the channel's last state, or null when none of that name runs */
    public synchronized ChannelInfo stop(String name) {
        Channel channel = running.remove(name);
        if (channel == null) {
            return null;
        }
        channel.stop();
        return channel.programme().info(channel.mount(), "stopped", 0, channel.startedAt());
    }

    /** Most an operator's skip waits for the next item to start, so the answer shows it playing. */
    static final long SKIP_WAIT_MILLIS = 2000;

    /** Ends the item playing now and answers once the next one started (or the wait ran out: a live source). */
    public ChannelInfo skip(String name) {
        Channel channel;
        synchronized (this) {
            channel = running.get(name);
        }
        if (channel == null) {
            return null;
        }
        long played = channel.programme().itemsPlayed();
        channel.programme().requestSkip();
        try {
            channel.programme().awaitItemAfter(played, SKIP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return channel.info();
    }

    public synchronized ChannelOutcome insert(String name, List<PlaylistItem> items) {
        Channel channel = running.get(name);
        if (channel == null) {
            return new ChannelOutcome(null, List.of("no channel " + name + " is running"));
        }
        if (items.isEmpty()) {
            return refused(channel, List.of("nothing to insert"));
        }
        List<String> problems = channel.check(items);
        if (!problems.isEmpty()) {
            return refused(channel, problems);
        }
        channel.programme().insert(items);
        return new ChannelOutcome(channel.info(), List.of());
    }

    public synchronized ChannelOutcome replace(String name, Playlist playlist) {
        Channel channel = running.get(name);
        if (channel == null) {
            return new ChannelOutcome(null, List.of("no channel " + name + " is running"));
        }
        List<String> problems = channel.check(playlist.items());
        if (!problems.isEmpty()) {
            return refused(channel, problems);
        }
        channel.programme().replace(playlist);
        return new ChannelOutcome(channel.info(), List.of());
    }

    public synchronized List<ChannelInfo> infos() {
        return running.values().stream().map(Channel::info).toList();
    }

    /** The running channel of that name, or null. */
    public synchronized Channel get(String name) {
        return running.get(name);
    }

    /** Stops every channel (the adapter stops). */
    public synchronized void stopAll() {
        running.values().forEach(Channel::stop);
        running.clear();
    }
}
