package org.tributary.loadtool.hls;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tributary.loadtool.hls.HttpFetcher.Loaded;
import org.tributary.loadtool.hls.Playlist.Segment;
import org.tributary.loadtool.report.ViewerOutcome;

/**
 * One simulated HLS viewer, loading what hls.js loads for one variant: the playlist at its URL (and, when that
 * is a multivariant playlist, its first variant's media playlist), the init segment, then media segments one at
 * a time. Its {@link PlayoutClock} starts playing when the first segment arrives and paces the rest: the next
 * segment is requested as soon as less than one target duration of media is left to play. Which segment comes
 * next is its {@link SegmentCursor}'s business (VOD looped from the start, live joined near the edge); a live
 * playlist is reloaded every target duration (RFC 8216 section 6.3.4).
 *
 * <p>A viewer holds no thread: every load is asynchronous on the shared {@link HttpFetcher} and every wait a task
 * on the shared scheduler, and those events are serialized by the viewer's lock. A failed playlist or init
 * segment ends the viewer; a failed media segment is counted and skipped after a pause, as a player that gives
 * up on it would; everything that fails is counted by key ({@code segment:404}, {@code playlist:timeout}, ...).
 */
public final class HlsViewer {
    /** Where a viewer is in its life. */
    public enum State { NEW, STARTING, PLAYING, FAILED, STOPPED }

    private static final long NOT_YET = Long.MIN_VALUE;
    /** How long a viewer waits after a failed media segment before the next (hls.js retries after about 1 s). */
    private static final double SEGMENT_RETRY_SECONDS = 1.0;

    private final URI url;
    private final HttpFetcher http;
    private final ScheduledExecutorService scheduler;
    private final Consumer<String> errors;
    private final Runnable startupEnded;
    private final PlayoutClock clock = new PlayoutClock();

    private State state = State.NEW;
    private Playlist playlist;
    private URI playlistUri;
    private SegmentCursor cursor;
    private boolean segmentLoading;
    private ScheduledFuture<?> nextLoad;
    private ScheduledFuture<?> nextReload;
    private boolean startupReported;
    private String failure;
    private int requestErrors;
    private long startNanos = NOT_YET;
    private long firstSegmentNanos = NOT_YET;
    private long endNanos = NOT_YET;
    private long segments;
    private long bytes;
    private long playlistLoads;

    /**
     * @param url          the multivariant or media playlist URL, query included
     * @param http         the run's shared client
     * @param scheduler    the run's shared timer thread, for pacing and reloads
     * @param errors       where every failure is counted, by key
     * @param startupEnded called once, when the first media segment load has ended (either way) or the viewer has
     *                     ended before that: the run's hold starts when every viewer has called it
     */
    public HlsViewer(URI url, HttpFetcher http, ScheduledExecutorService scheduler, Consumer<String> errors,
                     Runnable startupEnded) {
        this.url = url;
        this.http = http;
        this.scheduler = scheduler;
        this.errors = errors;
        this.startupEnded = startupEnded;
    }

    /** Sends the first request; everything after it happens on the client's and the scheduler's threads. */
    public synchronized void start() {
        startNanos = System.nanoTime();
        state = State.STARTING;
        load(http.playlist(url), this::onFirstPlaylist);
    }

    private void onFirstPlaylist(Loaded loaded) {
        Playlist first = receivedPlaylist(loaded);
        if (first == null) {
            return;
        }
        if (first.isMultivariant()) {
            // A player starts with the first variant listed (RFC 8216 section 4.3.4.2: the preferred one).
            load(http.playlist(first.variants().get(0).uri()), this::onMediaPlaylist);
        } else {
            begin(first, loaded.uri());
        }
    }

    private void onMediaPlaylist(Loaded loaded) {
        Playlist media = receivedPlaylist(loaded);
        if (media == null) {
            return;
        }
        if (media.isMultivariant()) {
            fail("playlist:variant-is-multivariant");
        } else {
            begin(media, loaded.uri());
        }
    }

    /** Counts a playlist load and parses it; on failure ends the viewer and gives null. */
    private Playlist receivedPlaylist(Loaded loaded) {
        bytes += loaded.bytes();
        if (!loaded.ok()) {
            fail("playlist:" + loaded.error());
            return null;
        }
        playlistLoads++;
        try {
            return Playlist.parse(loaded.text(), loaded.uri());
        } catch (IllegalArgumentException e) {
            fail("playlist:malformed");
            return null;
        }
    }

    private void begin(Playlist media, URI uri) {
        if (media.endList() && media.segments().isEmpty()) {
            fail("playlist:no-segments");
            return;
        }
        playlist = media;
        playlistUri = uri;
        cursor = SegmentCursor.joining(media);
        if (media.initSegment() != null) {
            load(http.segment(media.initSegment()), this::onInit);
        } else {
            play();
        }
    }

    private void onInit(Loaded loaded) {
        bytes += loaded.bytes();
        if (loaded.ok()) {
            play();
        } else {
            fail("init:" + loaded.error());
        }
    }

    /** Starts loading media segments, and reloading a live playlist: only once the init segment is in. */
    private void play() {
        if (!playlist.endList()) {
            scheduleReload(System.nanoTime());
        }
        loadNextSegment();
    }

    private void loadNextSegment() {
        nextLoad = null;
        if (segmentLoading) {
            return;
        }
        if (cursor.behindWindow(playlist)) {
            requestFailed("live:behind-window");
            cursor.rejoin(playlist);
        }
        Segment segment = cursor.next(playlist);
        if (segment == null) {
            if (cursor.finished(playlist)) {
                clock.endOfMedia();
            }
            return; // a live playlist's next reload brings it
        }
        segmentLoading = true;
        load(http.segment(segment.uri()), loaded -> onSegment(segment, loaded));
    }

    private void onSegment(Segment segment, Loaded loaded) {
        long now = System.nanoTime();
        segmentLoading = false;
        bytes += loaded.bytes();
        cursor.advancePast(segment, playlist);
        if (loaded.ok()) {
            segments++;
            clock.append(now, segment.durationSeconds());
            if (firstSegmentNanos == NOT_YET) {
                firstSegmentNanos = now;
                state = State.PLAYING;
            }
            reportStartup();
            scheduleLoad(clock.nanosUntilBelow(now, playlist.targetDurationSeconds()));
        } else {
            requestFailed("segment:" + loaded.error());
            reportStartup();
            scheduleLoad((long) (Math.min(SEGMENT_RETRY_SECONDS, playlist.targetDurationSeconds()) * 1e9));
        }
    }

    private void scheduleLoad(long delayNanos) {
        if (delayNanos <= 0) {
            loadNextSegment();
        } else {
            nextLoad = scheduler.schedule(() -> locked(this::loadNextSegment), delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The next reload is due one target duration after the last one was requested. */
    private void scheduleReload(long lastRequestNanos) {
        long due = lastRequestNanos + playlist.targetDurationSeconds() * 1_000_000_000L;
        nextReload = scheduler.schedule(() -> locked(this::reload), Math.max(0, due - System.nanoTime()),
                TimeUnit.NANOSECONDS);
    }

    private void reload() {
        long sent = System.nanoTime();
        load(http.playlist(playlistUri), loaded -> onReload(loaded, sent));
    }

    private void onReload(Loaded loaded, long sentNanos) {
        bytes += loaded.bytes();
        if (!loaded.ok()) {
            requestFailed("playlist:" + loaded.error());
        } else {
            playlistLoads++;
            try {
                Playlist media = Playlist.parse(loaded.text(), loaded.uri());
                if (media.isMultivariant()) {
                    requestFailed("playlist:variant-is-multivariant");
                } else {
                    playlist = media;
                    playlistUri = loaded.uri();
                    if (!segmentLoading && nextLoad == null) {
                        loadNextSegment();
                    }
                }
            } catch (IllegalArgumentException e) {
                requestFailed("playlist:malformed");
            }
        }
        if (!playlist.endList()) {
            scheduleReload(sentNanos);
        }
    }

    /** Runs {@code then} with the load's result under the viewer's lock, unless the viewer has ended meanwhile. */
    private void load(CompletableFuture<Loaded> loading, Consumer<Loaded> then) {
        loading.thenAccept(loaded -> locked(() -> then.accept(loaded)));
    }

    private void locked(Runnable step) {
        synchronized (this) {
            if (state == State.FAILED || state == State.STOPPED) {
                return;
            }
            try {
                step.run();
            } catch (RuntimeException e) {
                fail("viewer:" + e.getClass().getSimpleName());
            }
        }
    }

    private void requestFailed(String key) {
        requestErrors++;
        errors.accept(key);
    }

    private void fail(String key) {
        failure = key;
        errors.accept(key);
        state = State.FAILED;
        end(System.nanoTime());
    }

    /** The run is over: nothing more is loaded, and a stall going on now counts up to now. */
    public synchronized void stop(long nowNanos) {
        if (state == State.FAILED || state == State.STOPPED) {
            return;
        }
        state = State.STOPPED;
        end(nowNanos);
    }

    private void end(long nowNanos) {
        endNanos = nowNanos;
        clock.stop(nowNanos);
        if (nextLoad != null) {
            nextLoad.cancel(false);
        }
        if (nextReload != null) {
            nextReload.cancel(false);
        }
        reportStartup();
    }

    private void reportStartup() {
        if (!startupReported) {
            startupReported = true;
            startupEnded.run();
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Whether its play clock has run out of media at {@code nowNanos} while it waits for a segment. */
    public synchronized boolean stalling(long nowNanos) {
        return clock.stalling(nowNanos);
    }

    /** What it achieved up to {@code nowNanos}, or up to its end. */
    public synchronized ViewerOutcome outcome(long nowNanos) {
        boolean played = firstSegmentNanos != NOT_YET;
        long end = endNanos != NOT_YET ? endNanos : nowNanos;
        return new ViewerOutcome(played, failure, requestErrors,
                played ? (firstSegmentNanos - startNanos) / 1e6 : Double.NaN,
                played ? Math.max(0, end - firstSegmentNanos) / 1e9 : 0.0,
                segments, bytes, playlistLoads, clock.stalls(), clock.stalledSeconds());
    }
}
