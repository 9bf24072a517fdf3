package org.tributary.mp3http;

import org.tributary.media.mp3.Mp3FrameHeader;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * An internet radio station at a mount: one stream of MP3 frames that every listener shares. Whoever feeds
 * it (a playlist channel, an Icecast source) appends whole frames into a {@link StationRing} once; each
 * listener reads the ring at its own position, paced by the engine and woken when frames arrive.
 *
 * <p>Two feeds at most: a playlist and a live source. The live source is on air while it is connected and
 * the playlist waits meanwhile (fallback: the playlist goes on when the source drops). The station ends,
 * and its listeners with it, when no feed is left.
 */
public final class Mp3Station {

    private static final Logger LOG = Logger.getLogger(Mp3Station.class.getName());
    /** Recent audio kept: 32 s at 128 kbit/s. A listener further behind is moved to the live edge. */
    static final int RING_BYTES = 512 * 1024;
    /** What a new listener gets at once, so its player starts without waiting (Icecast's burst-size). */
    static final int BURST_BYTES = 64 * 1024;

    private final String mount;
    private final StationHeaders headers;
    private final StationRing ring;
    private final Consumer<Mp3Station> onEnd;
    private final Set<StationListener> listeners = ConcurrentHashMap.newKeySet();
    /** Wake-ups of listeners that have read everything: run (and forgotten) when frames arrive. */
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private Feed playlist;
    private Feed live;
    private volatile boolean ended;
    private volatile int kbps;

    Mp3Station(String mount, StationHeaders headers, int ringBytes, Consumer<Mp3Station> onEnd) {
        this.mount = mount;
        this.headers = headers;
        this.ring = new StationRing(ringBytes);
        this.onEnd = onEnd;
    }

    /** Who writes into the station: a playlist or a live source. Frames written while not on air are dropped. */
    public final class Feed {
        private final boolean isLive;
        private boolean closed;
        private Runnable backOnAir;

        private Feed(boolean isLive) {
            this.isLive = isLive;
        }

        /** Whether what this feed writes reaches the listeners now. */
        public boolean onAir() {
            synchronized (Mp3Station.this) {
                return !closed && !ended && (isLive ? live == this : live == null && playlist == this);
            }
        }

        /**
         * Appends one whole MP3 frame when on air; listeners see it after {@link #flush()}.
         *
         * @return false when the feed is not on air (the frame is dropped)
         */
        public boolean append(ByteBuffer frame) {
            synchronized (Mp3Station.this) {
                if (!onAir()) {
                    return false;
                }
                Mp3FrameHeader header = Mp3FrameHeader.parse(frame.getInt(frame.position()));
                if (header != null) {
                    kbps = header.bitrate() / 1000;
                }
                ring.append(frame);
                return true;
            }
        }

        /** Wakes the listeners waiting for frames. */
        public void flush() {
            wakeListeners();
        }

        /** The ICY StreamTitle from the next frame on, when on air. */
        public void title(String title) {
            synchronized (Mp3Station.this) {
                if (onAir()) {
                    ring.title(title);
                }
            }
        }

        /** Runs {@code wake} when this (playlist) feed is on air again after a live source. */
        public void whenBackOnAir(Runnable wake) {
            synchronized (Mp3Station.this) {
                backOnAir = wake;
            }
        }

        /** This feed is done; the station ends when no feed is left. Idempotent. */
        public void close() {
            feedClosed(this);
        }

        public Mp3Station station() {
            return Mp3Station.this;
        }
    }

    /** The playlist feed, or null when the station has one already or has ended. */
    synchronized Feed openPlaylist() {
        if (ended || playlist != null) {
            return null;
        }
        playlist = new Feed(false);
        return playlist;
    }

    /** The live feed, on air at once; null when a live source is connected already or the station has ended. */
    synchronized Feed openLive() {
        if (ended || live != null) {
            return null;
        }
        live = new Feed(true);
        return live;
    }

    private void feedClosed(Feed feed) {
        Runnable resume = null;
        boolean last;
        synchronized (this) {
            if (feed.closed) {
                return;
            }
            feed.closed = true;
            if (feed == live) {
                live = null;
                if (playlist != null) {
                    resume = playlist.backOnAir;
                }
            } else if (feed == playlist) {
                playlist = null;
            }
            last = live == null && playlist == null && !ended;
        }
        if (last) {
            end(feed.isLive ? "live source gone" : "playlist stopped");
        } else if (resume != null) {
            LOG.info("station " + mount + ": the live source is gone; the playlist goes on");
            resume.run();
        }
    }

    /** Ends the station: every listener is ended (within a pump) and it leaves the registry. */
    void end(String reason) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        LOG.info("station " + mount + " ended (" + reason + ") with " + listeners.size() + " listeners");
        for (StationListener listener : new ArrayList<>(listeners)) {
            listener.stop("station ended");
        }
        wakeListeners();
        onEnd.accept(this);
    }

    private void wakeListeners() {
        for (Iterator<Runnable> it = waiting.iterator(); it.hasNext(); ) {
            Runnable wake = it.next();
            it.remove();
            wake.run();
        }
    }

    /** A listener has read everything: {@code wake} runs once when the next frames arrive. */
    void wakeOnData(Runnable wake) {
        waiting.add(wake);
    }

    /** @return false when the station has ended */
    boolean join(StationListener listener) {
        listeners.add(listener);
        if (ended) {
            listeners.remove(listener);
            return false;
        }
        return true;
    }

    void leave(StationListener listener) {
        listeners.remove(listener);
    }

    StationRing ring() {
        return ring;
    }

    public String mount() {
        return mount;
    }

    public StationHeaders headers() {
        return headers;
    }

    /** Listeners now. */
    public int audience() {
        return listeners.size();
    }

    /** Whether a live source is on air now. */
    public synchronized boolean live() {
        return live != null && !ended;
    }

    public boolean ended() {
        return ended;
    }

    /** The bit rate of the newest frame in kbit/s; 0 before the first. */
    public int kbps() {
        return kbps;
    }

    /** Audio bytes appended since the station began (the live edge's position). */
    public long bytesWritten() {
        return ring.end();
    }

    /** The ICY title in effect at a byte position (see {@link #bytesWritten()}), or null when none was set. */
    public String titleAt(long position) {
        return ring.titleAt(position);
    }

    List<StationListener> listeners() {
        return List.copyOf(listeners);
    }
}
