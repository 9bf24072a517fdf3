package org.tributary.channel;

import org.tributary.api.PlayLogEntry;
import org.tributary.api.playlist.PlaylistItem;
import org.tributary.engine.Playback;
import org.tributary.media.mp3.Mp3File;
import org.tributary.mp3http.Mp3Station;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Plays a radio channel's programme into its station: opens each song the programme picks (once, for all
 * listeners), appends its audio frames at real-time pace, {@value #LEAD_MILLIS} ms ahead, and switches the
 * station's title at each song. A playback on the streaming engine: no thread of its own, it is pumped every
 * {@value #BATCH_MILLIS} ms or so. While a live source has the station the feeder waits (woken when the
 * source goes) and then goes on with the next song. An unreadable song is recorded on the programme and
 * skipped; when every item of the list failed in a row the feeder stops ("failed") instead of spinning.
 */
final class RadioFeeder implements Playback {

    private static final Logger LOG = Logger.getLogger(RadioFeeder.class.getName());
    static final long LEAD_MILLIS = 500;
    static final long BATCH_MILLIS = 100;
    private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(LEAD_MILLIS);
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS);
    /** Behind by more than this (the engine was late, a live source just left): start again from now, no rush. */
    private static final long MAX_LAG_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How often a feeder that has no air looks again (it is woken sooner when the live source goes). */
    private static final long OFF_AIR_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Opens a song of the playlist (the media catalogue, or a test's files). */
    @FunctionalInterface
    interface Songs {
        Mp3File open(String path) throws IOException;
    }

    private final ChannelProgramme programme;
    private final Mp3Station.Feed feed;
    private final Songs songs;
    private final String name;
    private ByteBuffer frameBuffer = ByteBuffer.allocate(4096);
    private Mp3File song;
    private String songPath;
    private int frame;
    private long frameNanos;
    private long dueNanos = -1;
    private int failuresInARow;
    private volatile String state = "playing";
    private volatile boolean stopped;
    private volatile Runnable wake = () -> { };

    RadioFeeder(ChannelProgramme programme, Mp3Station.Feed feed, Songs songs) {
        this.programme = programme;
        this.feed = feed;
        this.songs = songs;
        this.name = programme.definition().name();
        feed.whenBackOnAir(() -> wake.run());
    }

    @Override
    public void wakeWith(Runnable wake) {
        this.wake = wake;
    }

    @Override
    public long pump(long nowNanos) {
        if (stopped) {
            closeSong();
            return DONE;
        }
        if (!feed.onAir()) {
            if (song != null) {
                LOG.info("radio channel " + name + ": a live source has the station; " + songPath + " is cut short");
                closeSong();
            }
            state = "live source";
            dueNanos = -1;
            return nowNanos + OFF_AIR_NANOS;
        }
        state = "playing";
        if (dueNanos < 0 || nowNanos - dueNanos > MAX_LAG_NANOS) {
            dueNanos = nowNanos;
        }
        boolean wrote = false;
        while (dueNanos <= nowNanos + LEAD_NANOS) {
            if ((song == null || programme.skipRequested()) && !nextSong()) {
                if (wrote) {
                    feed.flush();
                }
                feed.close(); // the station ends with its listeners, unless a live source holds it
                return DONE;
            }
            if (!appendFrame()) { // a read error: the next song, unless every item failed in a row
                if (++failuresInARow >= programme.definition().playlist().size()) {
                    state = "failed";
                    LOG.warning("radio channel " + name + ": the last " + failuresInARow
                            + " items could not be played; it stops");
                    feed.close();
                    return DONE;
                }
                continue;
            }
            wrote = true;
            dueNanos += frameNanos;
            if (frame >= song.frameCount()) {
                closeSong();
            }
        }
        if (wrote) {
            feed.flush();
        }
        return dueNanos - LEAD_NANOS + BATCH_NANOS;
    }

    /** Appends the next frame of the song; false (the song is closed) when it cannot be read. */
    private boolean appendFrame() {
        try {
            int size = song.frameSize(frame);
            if (frameBuffer.capacity() < size) {
                frameBuffer = ByteBuffer.allocate(size);
            }
            frameBuffer.clear();
            song.readFrame(frame, frameBuffer);
            frameBuffer.flip();
        } catch (IOException | RuntimeException e) {
            programme.failed(songPath, "read failed at frame " + frame + ": " + e.getMessage());
            closeSong();
            return false;
        }
        feed.append(frameBuffer);
        frame++;
        failuresInARow = 0;
        return true;
    }

    /** Opens the next song that can be read; false when the list has ended or every item failed in a row. */
    private boolean nextSong() {
        closeSong();
        while (true) {
            Optional<PlaylistItem> item = programme.next();
            if (item.isEmpty()) {
                state = "ended";
                LOG.info("radio channel " + name + ": the playlist has played through");
                return false;
            }
            String path = item.get().path();
            try {
                Mp3File opened = songs.open(path);
                if (opened.frameCount() == 0) {
                    opened.close();
                    throw new IOException("no MPEG audio frames");
                }
                song = opened;
                songPath = path;
                frame = 0;
                frameNanos = Math.round(opened.samplesPerFrame() * 1e9 / opened.sampleRate());
                PlayLogEntry now = programme.nowPlaying();
                feed.title(now != null ? now.title() : path);
                return true;
            } catch (IOException | RuntimeException e) {
                programme.failed(path, e.getMessage() == null ? e.toString() : e.getMessage());
                failuresInARow++;
                if (failuresInARow >= programme.definition().playlist().size()) {
                    state = "failed";
                    LOG.warning("radio channel " + name + ": the last " + failuresInARow
                            + " items could not be played; it stops");
                    return false;
                }
            }
        }
    }

    private void closeSong() {
        if (song != null) {
            try {
                song.close();
            } catch (IOException e) {
                LOG.fine("closing " + songPath + ": " + e.getMessage());
            }
            song = null;
        }
    }

    /** Stops feeding (the engine drops the feeder at once) and leaves the station. */
    void stop() {
        stopped = true;
        feed.close();
        wake.run();
    }

    /** "playing", "live source", "ended" or "failed". */
    String state() {
        return state;
    }
}
