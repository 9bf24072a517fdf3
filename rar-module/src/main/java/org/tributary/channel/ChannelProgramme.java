package org.tributary.channel;

import org.tributary.api.ChannelDefinition;
import org.tributary.api.ChannelInfo;
import org.tributary.api.PlayLogEntry;
import org.tributary.api.playlist.ItemPicker;
import org.tributary.api.playlist.Playlist;
import org.tributary.api.playlist.PlaylistItem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * What a channel plays: the picker over its playlist, the item playing now, what comes next, the operator's
 * skip, insert and replace, and the play log. Thread-safe: the channel's feeder asks for items while the
 * console changes them.
 *
 * <p>Every item that starts is logged on the {@value #PLAY_LOG} logger (the server configuration gives it a
 * file of its own) and kept in a short in-memory log for the console.
 */
public final class ChannelProgramme {

    /** The logger of the play log: one line per item started. */
    public static final String PLAY_LOG = "org.tributary.channel.PlayLog";
    private static final Logger LOG = Logger.getLogger(PLAY_LOG);

    private final ChannelDefinition definition;
    private final ItemPicker picker;
    private final Function<String, String> titles;
    private final Clock clock;
    private final Deque<PlayLogEntry> log = new ArrayDeque<>();
    private final AtomicBoolean skip = new AtomicBoolean();
    private PlayLogEntry nowPlaying;
    private long itemsPlayed;
    private String lastError;
    private volatile Runnable skipWake = () -> { };

    /**
     * @param titles the title of a path (its metadata, else its file name)
     */
    public ChannelProgramme(ChannelDefinition definition, RandomGenerator random, Function<String, String> titles,
                            Clock clock) {
        this.definition = definition;
        this.picker = new ItemPicker(definition.playlist(), definition.mode(), definition.recentWindow(), random);
        this.titles = titles;
        this.clock = clock;
    }

    public ChannelDefinition definition() {
        return definition;
    }

    /**
     * The next item, which becomes the one playing now and is logged; empty when a sequential list has
     * played through.
     */
    public synchronized Optional<PlaylistItem> next() {
        skip.set(false);
        Optional<PlaylistItem> item = picker.next();
        if (item.isEmpty()) {
            nowPlaying = null;
            return item;
        }
        String path = item.get().path();
        nowPlaying = new PlayLogEntry(clock.instant(), path, titles.apply(path));
        itemsPlayed++;
        log.addLast(nowPlaying);
        while (log.size() > ChannelInfo.PLAY_LOG_SIZE) {
            log.removeFirst();
        }
        LOG.info(() -> "channel " + definition.name() + " (" + definition.mount() + "): playing " + path + " ("
                + nowPlaying.title() + ")");
        notifyAll();
        return item;
    }

    /** The item that was playing could not be played (or stopped short); kept as the last error. */
    public synchronized void failed(String path, String why) {
        lastError = path + ": " + why;
        LOG.warning(() -> "channel " + definition.name() + ": " + lastError);
    }

    /** Asks the feeder to end the item playing now, and wakes it so it does at once. */
    public void requestSkip() {
        skip.set(true);
        skipWake.run();
    }

    /** How the feeder is made due at once (its engine handle); a skip runs it. */
    public void onSkip(Runnable wake) {
        this.skipWake = wake;
    }

    public synchronized long itemsPlayed() {
        return itemsPlayed;
    }

    /**
     * Waits until an item after the {@code played}-th has started, at most {@code timeoutMillis}.
     *
     * @return whether one did
     */
    public synchronized boolean awaitItemAfter(long played, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (itemsPlayed <= played) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Whether a skip was asked since the current item started; the feeder checks it at each unit. */
    public boolean skipRequested() {
        return skip.get();
    }

    public synchronized void insert(List<PlaylistItem> items) {
        picker.insertNext(items);
    }

    public synchronized void replace(Playlist playlist) {
        picker.replace(playlist);
    }

    public synchronized PlayLogEntry nowPlaying() {
        return nowPlaying;
    }

    public synchronized List<String> upcoming() {
        return picker.upcoming(definition.upcomingCount()).stream().map(PlaylistItem::path).toList();
    }

    public synchronized List<PlayLogEntry> playLog() {
        return List.copyOf(log);
    }

    /** The console's view of the channel. */
    public synchronized ChannelInfo info(String mount, String state, int audience, Instant startedAt) {
        return new ChannelInfo(definition.name(), mount, definition.kind(), definition.mode(), state, nowPlaying,
                upcoming(), audience, itemsPlayed, lastError, startedAt, List.copyOf(log));
    }
}
