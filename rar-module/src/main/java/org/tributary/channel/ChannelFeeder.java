package org.tributary.channel;

import org.tributary.api.playlist.PlaylistItem;
import org.tributary.engine.Playback;
import org.tributary.source.MediaSource;
import org.tributary.source.PacketSink;
import org.tributary.source.SourceReader;
import org.tributary.source.SourceTrack;
import org.tributary.stream.KeyFrames;
import org.tributary.stream.Stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Plays a channel's items one after another into its {@link Stream}, paced by the streaming engine like a
 * viewer's playback. The channel has one timeline: each item starts where the one before ended (its duration,
 * or the last unit sent when it was skipped), so every track's RTP timestamps run on across boundaries and
 * audio and video stay together; each viewer's own numbering keeps sequence numbers continuous.
 */
final class ChannelFeeder implements Playback {

    /** What opens an item and checks it still fits the channel. */
    interface Items {
        /**
         * @throws ItemRefusedException when the file is gone, unreadable or no longer matches the channel
         */
        MediaSource open(String path) throws ItemRefusedException;
    }

    static final class ItemRefusedException extends Exception {
        ItemRefusedException(String message) {
            super(message);
        }
    }

    /** How far ahead of its time a unit is sent: a viewer's buffer absorbs it, a late sender thread does not stall it. */
    static final long LEAD_MICROS = 20_000;
    /** Units sent in one pump at most, so one channel catching up does not hold its sender thread long. */
    static final int MAX_UNITS_PER_PUMP = 64;
    /** The gap after a skipped item's last unit before the next item starts (one video frame). */
    static final long SKIP_GAP_MICROS = 40_000;

    private final Stream stream;
    private final ChannelProgramme programme;
    private final Items items;
    private final Runnable ended;
    private final List<SourceTrack> tracks;
    private final KeyFrames keyFrames;
    private final TimelineSink sink;
    private long originNanos = -1;
    /** Where the current item starts on the channel's timeline, in microseconds. */
    private long itemStartMicros;
    private double itemDurationSeconds;
    private long lastUnitMicros;
    private SourceReader reader;
    private String itemPath;
    private int failuresInARow;
    private volatile String state = "playing";
    private volatile boolean stopped;

    /**
     * @param ended run once when the feeder stops on its own (a sequential list played through, or every item
     *              failed); not run by {@link #stop()}
     */
    ChannelFeeder(Stream stream, ChannelProgramme programme, Items items, Runnable ended) {
        this.stream = stream;
        this.programme = programme;
        this.items = items;
        this.ended = ended;
        this.tracks = stream.tracks();
        this.keyFrames = KeyFrames.detecting(tracks);
        this.sink = new TimelineSink();
    }

    String state() {
        return state;
    }

    @Override
    public void wakeWith(Runnable wake) {
        programme.onSkip(wake);
    }

    /** Stops at the next pump; the reader is closed there. */
    void stop() {
        stopped = true;
    }

    @Override
    public long pump(long nowNanos) {
        if (stopped) {
            closeReader();
            return DONE;
        }
        if (originNanos < 0) {
            originNanos = nowNanos;
        }
        for (int units = 0; units < MAX_UNITS_PER_PUMP; units++) {
            if (reader == null && !openNext()) {
                return DONE;
            }
            long t = reader.nextSendTimeMicros();
            if (t == SourceReader.END || programme.skipRequested()) {
                long span = sink.longestSpanMicros();
                long played = t == SourceReader.END ? Math.max(span, Math.round(itemDurationSeconds * 1e6))
                        : span > 0 ? span : lastUnitMicros + SKIP_GAP_MICROS;
                itemStartMicros += played;
                closeReader();
                continue;
            }
            long dueNanos = originNanos + (itemStartMicros + t - LEAD_MICROS) * 1000;
            if (dueNanos > nowNanos) {
                return dueNanos;
            }
            try {
                reader.emitNext(sink);
                lastUnitMicros = t;
            } catch (IOException | RuntimeException e) {
                programme.failed(itemPath, "stopped after " + String.format("%.1f", t / 1e6) + " s: " + e.getMessage());
                itemStartMicros += lastUnitMicros + SKIP_GAP_MICROS;
                closeReader();
            }
        }
        return nowNanos;
    }

    /** Opens the programme's next item; false when there is none left (or none can be opened). */
    private boolean openNext() {
        int attempts = Math.max(1, programme.definition().playlist().size());
        while (true) {
            Optional<PlaylistItem> next = programme.next();
            if (next.isEmpty()) {
                finish("ended");
                return false;
            }
            itemPath = next.get().path();
            try {
                MediaSource source = items.open(itemPath);
                reader = source.openReader();
                itemDurationSeconds = source.durationSeconds();
                lastUnitMicros = 0;
                sink.startItem(itemStartMicros);
                failuresInARow = 0;
                return true;
            } catch (ItemRefusedException | IOException | RuntimeException e) {
                programme.failed(itemPath, e.getMessage());
                if (++failuresInARow >= attempts) {
                    finish("failed");
                    return false;
                }
            }
        }
    }

    private void finish(String finalState) {
        state = finalState;
        ended.run();
    }

    private void closeReader() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    /**
     * Moves each packet onto the channel's timeline and into the stream, marking key frames, and measures how long
     * each track of the item ran: from its first timestamp to its last plus one frame (the average step, as
     * B-frames make the steps between presentation times uneven). The next item starts after the longest: an
     * audio track often runs a frame past the movie's duration, and must not be overlapped. Measured from each
     * track's own first timestamp, because a video track's first picture often starts late by the composition
     * offset (edit lists are not applied), which the next item has too.
     */
    private final class TimelineSink implements PacketSink {
        private final long[] base = new long[tracks.size()];
        private final long[] first = new long[tracks.size()];
        private final long[] latest = new long[tracks.size()];
        private final long[] previous = new long[tracks.size()];
        /** Units of the track (timestamp changes + 1). */
        private final long[] units = new long[tracks.size()];
        private final boolean[] seen = new boolean[tracks.size()];

        void startItem(long startMicros) {
            for (SourceTrack track : tracks) {
                int i = track.index();
                base[i] = Math.round(startMicros * (double) track.clockRate() / 1e6);
                seen[i] = false;
            }
        }

        /** The longest track's run so far, in microseconds; 0 before any packet. */
        long longestSpanMicros() {
            long span = 0;
            for (SourceTrack track : tracks) {
                int i = track.index();
                if (seen[i]) {
                    long frame = units[i] > 1 ? (latest[i] - first[i]) / (units[i] - 1) : 0;
                    span = Math.max(span, Math.round((latest[i] - first[i] + frame) * 1e6 / track.clockRate()));
                }
            }
            return span;
        }

        @Override
        public void packet(int track, ByteBuffer payload, boolean marker, long timestamp, int payloadType) {
            if (!seen[track]) {
                seen[track] = true;
                first[track] = latest[track] = previous[track] = timestamp;
                units[track] = 1;
            } else if (timestamp != previous[track]) {
                units[track]++;
                first[track] = Math.min(first[track], timestamp);
                latest[track] = Math.max(latest[track], timestamp);
                previous[track] = timestamp;
            }
            long onTimeline = (base[track] + timestamp) & 0xFFFFFFFFL;
            boolean key = keyFrames.startsKeyFrame(track, onTimeline, payload);
            stream.write(track, payload, marker, onTimeline, payloadType, key);
        }
    }
}
