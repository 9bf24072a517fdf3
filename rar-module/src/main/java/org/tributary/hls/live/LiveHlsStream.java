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
 * on other threads and read what is finished; the first ones wait, bounded, for the first segment. When the stream
 * ends the playlist gets {@code #EXT-X-ENDLIST}; the packager stops once no request came for {@code idleNanos}.
 */
final class LiveHlsStream implements Playback {

    private static final Pattern SEGMENT = Pattern.compile("seg(0|[1-9][0-9]{0,17})\\.m4s");
    private static final Pattern PART = Pattern.compile("part(0|[1-9][0-9]{0,17})\\.(0|[1-9][0-9]{0,4})\\.m4s");
    /** The newest segments whose parts a playlist lists (RFC 8216bis: at least the last three target durations'). */
    private static final int SEGMENTS_WITH_PARTS = 3;
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
    private final double partSeconds;
    private final ArrayDeque<LiveSegment> window = new ArrayDeque<>();
    /** The parts of the segment being made. */
    private final List<LivePart> current = new ArrayList<>();
    private volatile long lastRequestNanos;
    private long zeroNanos = Long.MIN_VALUE;
    private long droppedSeen;
    private long longestSegmentSeconds;
    private boolean ended;
    private volatile boolean stopped;

    /**
     * @param firstSequence  the first segment's number: a restarted packager starts above any number it used
     *                       before, so no cache serves an old segment under a new segment's name
     * @param onStop         told when the packager stops
     */
    LiveHlsStream(String path, Stream stream, List<LiveTrack> tracks, int targetSeconds, double partSeconds,
                  int windowSegments, long idleNanos, long firstSequence, LongSupplier nanos, Runnable onStop) {
        this.path = path;
        this.stream = stream;
        this.byStreamTrack = new LiveTrack[stream.tracks().size()];
        for (LiveTrack t : tracks) {
            byStreamTrack[t.streamTrack()] = t;
        }
        this.targetSeconds = targetSeconds;
        this.partSeconds = partSeconds;
        this.windowSegments = windowSegments;
        this.idleNanos = idleNanos;
        this.nanos = nanos;
        this.onStop = onStop;
        this.segmenter = new LiveSegmenter(tracks, targetSeconds, partSeconds, firstSequence);
        this.lastRequestNanos = nanos.getAsLong();
        this.reader = stream.openReader(); // the current group of pictures first, so the first segment comes soon
    }

    Stream stream() {
        return stream;
    }

    boolean stopped() {
        return stopped;
    }

    /** The stream ended: the playlist is final. */
    synchronized boolean ended() {
        return ended;
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
            long dropped = reader.dropped();
            if (dropped != droppedSeen) { // the reader fell behind and lost packets: no unit may span the gap
                droppedSeen = dropped;
                for (LiveTrack t : byStreamTrack) {
                    if (t != null) {
                        t.gap();
                    }
                }
            }
            LiveTrack track = byStreamTrack[packet.track()];
            if (track == null) {
                continue;
            }
            if (zeroNanos == Long.MIN_VALUE) {
                zeroNanos = packet.arrivalNanos();
                segmenter.firstArrival(System.currentTimeMillis() - (nowNanos - zeroNanos) / 1_000_000);
            }
            track.push(packet.payloadBuffer(), packet.marker(), packet.timestamp(), packet.arrivalNanos() - zeroNanos);
            LivePart part;
            while ((part = segmenter.poll()) != null) {
                publish(part);
            }
        }
        if (reader.finished() && !ended) {
            LivePart last = segmenter.flush();
            if (last != null) {
                publish(last);
            }
            synchronized (this) {
                ended = true; // the playlist gets its ENDLIST; players are told until they stop asking
                notifyAll();
            }
        }
        return nowNanos + SAFETY_POLL_NANOS;
    }

    private synchronized void publish(LivePart part) {
        current.add(part);
        if (part.endsSegment()) {
            LiveSegment segment = LiveSegment.of(current);
            current.clear();
            window.addLast(segment);
            while (window.size() > windowSegments) {
                window.removeFirst();
            }
            // parts are listed for the newest segments only; older ones keep their whole bytes, not a second copy
            List<LiveSegment> all = new ArrayList<>(window);
            for (int i = 0; i < all.size() - SEGMENTS_WITH_PARTS; i++) {
                if (!all.get(i).parts().isEmpty()) {
                    all.set(i, all.get(i).withoutParts());
                }
            }
            window.clear();
            window.addAll(all);
        }
        notifyAll();
    }

    /** Leaves the stream; requests after this are answered from what was finished, then by a new packager. */
    void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            notifyAll(); // requests waiting for a segment or a part answer with what there is
        }
        reader.close();
        onStop.run();
    }

    /**
     * The resource {@code name}, with the query of its request (a blocking playlist reload's {@code _HLS_msn} and
     * {@code _HLS_part}); the first requests wait up to {@code firstWaitNanos} for the first segment, a blocking
     * reload and a request for the next part wait until they are there (at most three target durations).
     */
    HlsReply resource(String name, String query, long firstWaitNanos) {
        lastRequestNanos = nanos.getAsLong();
        Matcher segment = SEGMENT.matcher(name);
        Matcher part = PART.matcher(name);
        synchronized (this) {
            HlsReply notYet = await(() -> !window.isEmpty(), firstWaitNanos);
            if (notYet != null) {
                return HlsReply.refused(503, "the live stream " + path + " has not made its first segment yet"
                        + " (a segment starts at a key frame and lasts at least " + targetSeconds + " s)");
            }
            if (window.isEmpty()) {
                return HlsReply.refused(404, "the live stream " + path + " ended before its first segment");
            }
            if (name.equals("index.m3u8")) {
                return text(multivariant());
            }
            if (name.equals(Playlists.MEDIA)) {
                return mediaPlaylist(query);
            }
            if (name.equals(Playlists.INIT)) {
                return HlsReply.live(HlsReply.INIT_TYPE, segmenter.init());
            }
            if (segment.matches()) {
                long wanted = Long.parseLong(segment.group(1));
                LiveSegment s = find(wanted);
                return s != null ? HlsReply.live(HlsReply.SEGMENT_TYPE, s.bytes()) : missing(name, wanted);
            }
            if (part.matches()) {
                long wanted = Long.parseLong(part.group(1));
                int index = Integer.parseInt(part.group(2));
                if (wanted == nextSequence() && index == current.size()) { // the preload hint: wait for it
                    await(() -> wanted != nextSequence() || index < current.size(), blockNanos());
                }
                LivePart p = findPart(wanted, index);
                if (p != null) {
                    return HlsReply.live(HlsReply.SEGMENT_TYPE, p.bytes());
                }
                return missing(name, wanted);
            }
            return HlsReply.refused(404, "no HLS resource '" + name + "'");
        }
    }

    /** Waits (holding and releasing this monitor) until {@code ready} or the stream ends; a refusal on timeout. */
    private HlsReply await(java.util.function.BooleanSupplier ready, long waitNanos) {
        long deadline = nanos.getAsLong() + waitNanos;
        while (!ready.getAsBoolean() && !ended && !stopped) {
            long left = deadline - nanos.getAsLong();
            if (left <= 0) {
                return HlsReply.refused(503, "timed out");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HlsReply.refused(503, "interrupted");
            }
        }
        return null;
    }

    private long blockNanos() {
        return Math.round(3 * targetSeconds * 1e9);
    }

    private long nextSequence() {
        return window.getLast().sequence() + 1;
    }

    private LiveSegment find(long sequence) {
        for (LiveSegment s : window) {
            if (s.sequence() == sequence) {
                return s;
            }
        }
        return null;
    }

    private LivePart findPart(long sequence, int index) {
        List<LivePart> parts = sequence == nextSequence() ? current
                : find(sequence) != null ? find(sequence).parts() : List.of();
        return index < parts.size() ? parts.get(index) : null;
    }

    private HlsReply missing(String name, long wanted) {
        long first = window.getFirst().sequence();
        long last = window.getLast().sequence();
        return HlsReply.refused(404, "the live stream " + path + " has segments " + first + " to " + last
                + " now: " + name + (wanted < first ? " has left the window" : " is not made yet"));
    }

    /**
     * The playlist; with {@code _HLS_msn} (and {@code _HLS_part}) once that segment (part) is there (RFC 8216bis
     * 6.2.5.2): 400 for one more than two segments ahead, the playlist as it is after three target durations.
     */
    private HlsReply mediaPlaylist(String query) {
        long msn = -1;
        int partIndex = -1;
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                try {
                    if (pair.startsWith("_HLS_msn=")) {
                        msn = Long.parseLong(pair.substring(9));
                    } else if (pair.startsWith("_HLS_part=")) {
                        partIndex = Integer.parseInt(pair.substring(10));
                    }
                } catch (NumberFormatException e) {
                    return HlsReply.refused(400, "not a number: " + pair);
                }
            }
        }
        if (partIndex >= 0 && msn < 0) {
            return HlsReply.refused(400, "_HLS_part without _HLS_msn");
        }
        if (msn >= 0) {
            if (msn > nextSequence() + 1) {
                return HlsReply.refused(400, "_HLS_msn=" + msn + " is more than two segments after the newest ("
                        + window.getLast().sequence() + ")");
            }
            long m = msn;
            int p = partIndex;
            await(() -> m < nextSequence() || m == nextSequence() && p >= 0 && p < current.size(), blockNanos());
        }
        return text(playlistText());
    }

    private String playlistText() {
        List<Playlists.LiveEntry> entries = new ArrayList<>(window.size());
        int i = 0;
        for (LiveSegment s : window) {
            boolean withParts = i++ >= window.size() - SEGMENTS_WITH_PARTS;
            entries.add(new Playlists.LiveEntry(s.sequence(), s.durationSeconds(), s.programDateMillis(),
                    withParts ? partEntries(s.parts()) : List.of()));
        }
        return Playlists.liveMedia(entries, partEntries(current), (int) Math.max(targetSeconds, longestSegmentSeconds),
                partSeconds, ended);
    }

    private static List<Playlists.LivePartEntry> partEntries(List<LivePart> parts) {
        List<Playlists.LivePartEntry> out = new ArrayList<>(parts.size());
        for (LivePart p : parts) {
            out.add(new Playlists.LivePartEntry(p.index(), p.durationSeconds(), p.independent()));
        }
        return out;
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
