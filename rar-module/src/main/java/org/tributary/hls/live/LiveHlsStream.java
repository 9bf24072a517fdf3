package org.tributary.hls.live;

import org.tributary.api.HlsReply;
import org.tributary.engine.Playback;
import org.tributary.hls.Playlists;
import org.tributary.media.fmp4.InitTrack;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamPacket;
import org.tributary.stream.StreamReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packager of one live stream: reads it as one more viewer (woken by the stream as packets arrive, paced by
 * the streaming engine), turns its packets into segments and keeps the latest few for the playlist. Requests come
 * on other threads and read what is finished; the first ones wait, bounded, for the first segment. It stops when
 * the stream ends or no request came for {@code idleNanos}.
 */
final class LiveHlsStream implements Playback {

    private static final Pattern SEGMENT = Pattern.compile("seg(0|[1-9][0-9]{0,17})\\.m4s");
    /** How often the packager looks at its stream when nothing wakes it. */
    private static final long SAFETY_POLL_NANOS = 1_000_000_000L;

    private final String path;
    private final Stream stream;
    private final StreamReader reader;
    private final LiveTrack[] byStreamTrack;
    private final LiveSegmenter segmenter;
    private final int targetSeconds;
    private final int windowSegments;
    private final long idleNanos;
    private final LongSupplier nanos;
    private final Runnable onStop;
    private final ArrayDeque<LiveSegment> window = new ArrayDeque<>();
    private volatile long lastRequestNanos;
    private long zeroNanos = Long.MIN_VALUE;
    private long longestSegmentSeconds;
    private boolean ended;
    private volatile boolean stopped;

    /**
     * @param firstSequence  the first segment's number: a restarted packager starts above any number it used
     *                       before, so no cache serves an old segment under a new segment's name
     * @param onStop         told when the packager stops
     */
    LiveHlsStream(String path, Stream stream, List<LiveTrack> tracks, int targetSeconds, int windowSegments,
                  long idleNanos, long firstSequence, LongSupplier nanos, Runnable onStop) {
        this.path = path;
        this.stream = stream;
        this.byStreamTrack = new LiveTrack[stream.tracks().size()];
        for (LiveTrack t : tracks) {
            byStreamTrack[t.streamTrack()] = t;
        }
        this.targetSeconds = targetSeconds;
        this.windowSegments = windowSegments;
        this.idleNanos = idleNanos;
        this.nanos = nanos;
        this.onStop = onStop;
        this.segmenter = new LiveSegmenter(tracks, targetSeconds, firstSequence);
        this.lastRequestNanos = nanos.getAsLong();
        this.reader = stream.openReader(); // the current group of pictures first, so the first segment comes soon
    }

    Stream stream() {
        return stream;
    }

    boolean stopped() {
        return stopped;
    }

    @Override
    public void wakeWith(Runnable wake) {
        reader.onReadable(wake);
    }

    @Override
    public long pump(long nowNanos) {
        if (stopped) {
            return DONE;
        }
        if (nowNanos - lastRequestNanos > idleNanos) {
            stop();
            return DONE;
        }
        StreamPacket packet;
        while ((packet = reader.poll()) != null) {
            LiveTrack track = byStreamTrack[packet.track()];
            if (track == null) {
                continue;
            }
            if (zeroNanos == Long.MIN_VALUE) {
                zeroNanos = packet.arrivalNanos();
                segmenter.firstArrival(System.currentTimeMillis() - (nowNanos - zeroNanos) / 1_000_000);
            }
            track.push(packet.payloadBuffer(), packet.marker(), packet.timestamp(), packet.arrivalNanos() - zeroNanos);
            LiveSegment segment;
            while ((segment = segmenter.poll()) != null) {
                publish(segment);
            }
        }
        if (reader.finished()) {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
            stop();
            return DONE;
        }
        return nowNanos + SAFETY_POLL_NANOS;
    }

    private synchronized void publish(LiveSegment segment) {
        window.addLast(segment);
        while (window.size() > windowSegments) {
            window.removeFirst();
        }
        // RFC 8216 4.3.3.1: each EXTINF rounded to the nearest integer is at most the target duration
        longestSegmentSeconds = Math.max(longestSegmentSeconds, Math.round(segment.durationSeconds()));
        notifyAll();
    }

    /** Leaves the stream; requests after this are answered from what was finished, then by a new packager. */
    void stop() {
        if (!stopped) {
            stopped = true;
            reader.close();
            onStop.run();
        }
    }

    /**
     * The resource {@code name}; waits up to {@code waitNanos} for the first segment.
     */
    HlsReply resource(String name, long waitNanos) {
        lastRequestNanos = nanos.getAsLong();
        Matcher segment = SEGMENT.matcher(name);
        synchronized (this) {
            long deadline = nanos.getAsLong() + waitNanos;
            while (window.isEmpty() && !ended && !stopped) {
                long left = deadline - nanos.getAsLong();
                if (left <= 0) {
                    return HlsReply.refused(503, "the live stream " + path + " has not made its first segment yet"
                            + " (a segment starts at a key frame and lasts at least " + targetSeconds + " s)");
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return HlsReply.refused(503, "interrupted");
                }
            }
            if (window.isEmpty()) {
                return HlsReply.refused(404, "the live stream " + path + " ended before its first segment");
            }
            if (name.equals("index.m3u8")) {
                return text(multivariant());
            }
            if (name.equals(Playlists.MEDIA)) {
                return text(mediaPlaylist());
            }
            if (name.equals(Playlists.INIT)) {
                return HlsReply.live(HlsReply.INIT_TYPE, segmenter.init());
            }
            if (segment.matches()) {
                long wanted = Long.parseLong(segment.group(1));
                for (LiveSegment s : window) {
                    if (s.sequence() == wanted) {
                        return HlsReply.live(HlsReply.SEGMENT_TYPE, s.bytes());
                    }
                }
                long first = window.getFirst().sequence();
                long last = window.getLast().sequence();
                return HlsReply.refused(404, "the live stream " + path + " has segments " + first + " to " + last
                        + " now: " + name + (wanted < first ? " has left the window" : " is not made yet"));
            }
            return HlsReply.refused(404, "no HLS resource '" + name + "'");
        }
    }

    private String mediaPlaylist() {
        List<Playlists.LiveEntry> entries = new ArrayList<>(window.size());
        for (LiveSegment s : window) {
            entries.add(new Playlists.LiveEntry(s.sequence(), s.durationSeconds(), s.programDateMillis()));
        }
        return Playlists.liveMedia(entries, (int) Math.max(targetSeconds, longestSegmentSeconds), ended);
    }

    private String multivariant() {
        long peak = 0;
        long bytes = 0;
        double seconds = 0;
        for (LiveSegment s : window) {
            peak = Math.max(peak, Math.round(s.bytes().length * 8 / Math.max(s.durationSeconds(), 0.001)));
            bytes += s.bytes().length;
            seconds += s.durationSeconds();
        }
        List<String> codecs = new ArrayList<>();
        int width = 0;
        int height = 0;
        for (LiveTrack t : segmenter.carried()) {
            codecs.add(t.codecName());
            InitTrack init = t.init();
            if (t.video() && width == 0) {
                width = init.width();
                height = init.height();
            }
        }
        return Playlists.multivariant(peak, Math.round(bytes * 8 / Math.max(seconds, 0.001)), codecs, width, height);
    }

    private static HlsReply text(String playlist) {
        return HlsReply.live(HlsReply.PLAYLIST_TYPE, playlist.getBytes(StandardCharsets.UTF_8));
    }
}
