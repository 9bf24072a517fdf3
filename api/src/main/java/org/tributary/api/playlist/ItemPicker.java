package org.tributary.api.playlist;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Decides which item a channel plays next, as Darwin's broadcasters do between files.
 *
 * <p>In {@link PlayMode#WEIGHTED_RANDOM} an item's chance is its weight over the summed weights of the
 * items allowed to play, and an item may not play again until {@code recentWindow} other picks have
 * played (Darwin's {@code recent_movies_list_size}). Items are told apart by path, so a file listed
 * twice counts once for the window and its chance is the sum of its entries' weights. The window is
 * clamped to the number of distinct paths minus one: a larger one would leave nothing to pick, and
 * Darwin clips it the same way. The sequential modes ignore the window.
 *
 * <p>{@link #upcoming(int)} forecasts picks (Darwin's {@code .upcoming} file) and {@link #next()} then
 * plays exactly those. {@link #insertNext(List)} and {@link #replace(Playlist)} (Darwin's
 * {@code .insertlist} and {@code .replacelist}) discard the forecast, so the picks that follow them
 * respect the window including the inserted items.
 *
 * <p>Not thread-safe: one channel's thread owns its picker.
 */
public final class ItemPicker {

    /** A queued item: inserted by an operator, or a forecast pick from the list. */
    private record Queued(PlaylistItem item, boolean inserted) {
    }

    private final PlayMode mode;
    private final int requestedWindow;
    private final RandomGenerator random;
    private Playlist playlist;
    private int window;
    /** Sequential modes: the list index of the next pick that is not queued yet. */
    private int nextIndex;
    /** Inserted items first, then forecast picks; played front to back. */
    private final Deque<Queued> queue = new ArrayDeque<>();
    /** Paths of the last {@link #window} played items, newest last. */
    private final Deque<String> played = new ArrayDeque<>();

    /**
     * @param recentWindow how many other picks must play before an item may repeat (weighted random only);
     *                     clamped as the class comment says
     * @param random       the source of randomness; a seeded one makes the picks reproducible
     */
    public ItemPicker(Playlist playlist, PlayMode mode, int recentWindow, RandomGenerator random) {
        if (recentWindow < 0) {
            throw new IllegalArgumentException("the recent window cannot be negative: " + recentWindow);
        }
        this.mode = Objects.requireNonNull(mode, "mode");
        this.random = Objects.requireNonNull(random, "random");
        this.requestedWindow = recentWindow;
        use(Objects.requireNonNull(playlist, "playlist"));
    }

    /** The next item to play, or empty once a {@link PlayMode#SEQUENTIAL} list has played through. */
    public Optional<PlaylistItem> next() {
        Queued queued = queue.pollFirst();
        PlaylistItem item = queued != null ? queued.item() : pick();
        if (item == null) {
            return Optional.empty();
        }
        played.addLast(item.path());
        while (played.size() > window) {
            played.removeFirst();
        }
        return Optional.of(item);
    }

    /**
     * The next {@code count} items {@link #next()} will return, without playing them; fewer when a
     * sequential list ends sooner.
     */
    public List<PlaylistItem> upcoming(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot forecast " + count + " items");
        }
        while (queue.size() < count) {
            PlaylistItem item = pick();
            if (item == null) {
                break;
            }
            queue.addLast(new Queued(item, false));
        }
        return queue.stream().limit(count).map(Queued::item).toList();
    }

    /**
     * Plays {@code items} next, in their order, ahead of items inserted before, then goes on where the
     * list was (a sequential list that had ended stays ended after them). Inserted items play even if
     * they played recently, and they count for the window of the picks after them.
     */
    public void insertNext(List<PlaylistItem> items) {
        List<PlaylistItem> copy = List.copyOf(items);
        dropForecast();
        for (int i = copy.size() - 1; i >= 0; i--) {
            queue.addFirst(new Queued(copy.get(i), true));
        }
    }

    /**
     * Picks from {@code replacement} from now on: items still waiting from {@link #insertNext(List)} play
     * first, then a sequential list starts at its first item; what played recently still counts for the
     * window.
     */
    public void replace(Playlist replacement) {
        Objects.requireNonNull(replacement, "replacement");
        dropForecast();
        use(replacement);
    }

    /** The window in effect, after clamping; 0 in the sequential modes. */
    public int window() {
        return window;
    }

    public Playlist playlist() {
        return playlist;
    }

    public PlayMode mode() {
        return mode;
    }

    private void use(Playlist list) {
        playlist = list;
        nextIndex = 0;
        long distinct = list.items().stream().map(PlaylistItem::path).distinct().count();
        window = mode == PlayMode.WEIGHTED_RANDOM ? (int) Math.min(requestedWindow, distinct - 1) : 0;
        while (played.size() > window) {
            played.removeFirst();
        }
    }

    /** Forgets the forecast picks and moves the sequential position back over them. */
    private void dropForecast() {
        int dropped = 0;
        while (!queue.isEmpty() && !queue.peekLast().inserted()) {
            queue.removeLast();
            dropped++;
        }
        if (mode == PlayMode.SEQUENTIAL) {
            nextIndex -= dropped;
        } else if (mode == PlayMode.SEQUENTIAL_LOOPED) {
            nextIndex = Math.floorMod(nextIndex - dropped, playlist.size());
        }
    }

    /** A new pick from the list, or null when a sequential list is over. */
    private PlaylistItem pick() {
        List<PlaylistItem> items = playlist.items();
        switch (mode) {
            case SEQUENTIAL:
                return nextIndex < items.size() ? items.get(nextIndex++) : null;
            case SEQUENTIAL_LOOPED:
                PlaylistItem item = items.get(nextIndex);
                nextIndex = (nextIndex + 1) % items.size();
                return item;
            default:
                return pickWeighted(items);
        }
    }

    private PlaylistItem pickWeighted(List<PlaylistItem> items) {
        Set<String> recent = recentPaths();
        int total = 0;
        for (PlaylistItem item : items) {
            if (!recent.contains(item.path())) {
                total += item.weight();
            }
        }
        // The clamp leaves at most (distinct paths - 1) paths in the window, so total > 0.
        int r = random.nextInt(total);
        for (PlaylistItem item : items) {
            if (!recent.contains(item.path())) {
                r -= item.weight();
                if (r < 0) {
                    return item;
                }
            }
        }
        throw new IllegalStateException("weights changed while picking");
    }

    /** The paths of the last {@link #window} picks, queued ones included. */
    private Set<String> recentPaths() {
        Set<String> recent = new HashSet<>();
        int n = 0;
        for (Iterator<Queued> q = queue.descendingIterator(); n < window && q.hasNext(); n++) {
            recent.add(q.next().item().path());
        }
        for (Iterator<String> p = played.descendingIterator(); n < window && p.hasNext(); n++) {
            recent.add(p.next());
        }
        return recent;
    }
}
