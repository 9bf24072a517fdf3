package org.tributary.hls.live;

import org.tributary.media.fmp4.InitTrack;
import org.tributary.media.fmp4.MediaSegment;
import org.tributary.media.fmp4.TrackFragment;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the samples of a live stream's tracks into fragmented-MP4 segments. With video, a segment runs from a key
 * frame to the first key frame at least the target duration later; audio-only streams are cut by time. Audio goes
 * with the video it plays beside. Timestamps run on without a gap from one segment to the next (each tfdt is the
 * previous one plus the previous durations), which is what a player's buffer needs.
 * <p>
 * RTP carries presentation times only. Video decode times are made from them: within a segment (a closed group of
 * pictures) the sorted presentation times, moved back by the largest reordering delay seen in the first segment,
 * so that no frame is decoded after it is shown; the composition offsets are the difference. Each audio sample
 * lasts until the next one, so an audio sample is cut only once its successor has arrived.
 */
final class LiveSegmenter {

    private final List<LiveTrack> tracks;
    private final double targetSeconds;
    private long zeroWallMillis;
    private LiveTrack video;
    private List<LiveTrack> carried;
    private byte[] init;
    private boolean started;
    private long segmentStart;
    private long sequence;
    private long shift = -1;
    private long nextVideoDts = Long.MIN_VALUE;

    /** @param firstSequence the first segment's sequence number */
    LiveSegmenter(List<LiveTrack> tracks, double targetSeconds, long firstSequence) {
        this.tracks = List.copyOf(tracks);
        this.targetSeconds = targetSeconds;
        this.sequence = firstSequence;
        for (LiveTrack t : tracks) {
            if (t.video() && video == null) {
                video = t;
            }
        }
    }

    /**
     * When the stream's first packet arrived (wall clock): the tracks' timelines start there at
     * {@link LiveTrack#BASE_SECONDS}, and segments are dated from it.
     */
    void firstArrival(long wallMillis) {
        zeroWallMillis = wallMillis - LiveTrack.BASE_SECONDS * 1000;
    }

    /** The init segment, once the first segment is cut; its tracks are the ones every segment carries. */
    byte[] init() {
        return init;
    }

    /** The tracks the segments carry (known once the first segment is cut), for the playlist's CODECS. */
    List<LiveTrack> carried() {
        return carried == null ? List.of() : carried;
    }

    /** The next finished segment, or null while the samples so far do not complete one. */
    LiveSegment poll() {
        LiveTrack clock = video != null ? video : tracks.get(0);
        List<LiveSample> timeline = clock.pending();
        if (!started) {
            int first = firstKey(timeline);
            if (first < 0) {
                timeline.clear(); // nothing can be decoded before a key frame
                return null;
            }
            timeline.subList(0, first).clear();
            segmentStart = timeline.get(0).pts();
            for (LiveTrack t : tracks) {
                if (t != clock) {
                    dropBefore(t, toTicks(seconds(segmentStart, clock), t));
                }
            }
            started = true;
        }
        long target = Math.round(targetSeconds * clock.timescale());
        int cut = -1;
        for (int i = 1; i < timeline.size(); i++) {
            LiveSample s = timeline.get(i);
            if (s.key() && s.pts() - segmentStart >= target) {
                cut = i;
                break;
            }
        }
        if (cut < 0) {
            return null;
        }
        if (carried == null) {
            chooseCarriedTracks();
        }
        long end = timeline.get(cut).pts();
        double endSeconds = seconds(end, clock);
        List<TrackFragment> fragments = new ArrayList<>();
        List<List<LiveSample>> taken = new ArrayList<>();
        for (LiveTrack t : tracks) {
            if (!carried.contains(t)) {
                t.pending().clear();
                continue;
            }
            List<LiveSample> samples = t == clock ? take(t, cut)
                    : t.video() ? take(t, countBefore(t.pending(), toTicks(endSeconds, t), false))
                    : take(t, countBefore(t.pending(), toTicks(endSeconds, t), true));
            if (samples.isEmpty()) {
                continue;
            }
            fragments.add(t.video() ? videoFragment(t, samples, t == clock ? end : samples.get(samples.size() - 1).pts())
                    : audioFragment(t, samples));
            taken.add(samples);
        }
        MediaSegment.Layout layout = MediaSegment.layout(sequence + 1, fragments);
        ByteBuffer data = ByteBuffer.wrap(layout.bytes());
        data.position(layout.dataStart());
        for (List<LiveSample> samples : taken) {
            for (LiveSample s : samples) {
                data.put(s.data());
            }
        }
        double startSeconds = seconds(segmentStart, clock);
        LiveSegment segment = new LiveSegment(sequence++, layout.bytes(), endSeconds - startSeconds,
                zeroWallMillis + Math.round(startSeconds * 1000));
        segmentStart = end;
        return segment;
    }

    /**
     * The tracks whose entry is known, and of video only the first track: the decode times are made for the
     * track the segments are cut by, and another video track would start off its key frames.
     */
    private void chooseCarriedTracks() {
        List<LiveTrack> ready = new ArrayList<>();
        List<InitTrack> entries = new ArrayList<>();
        for (LiveTrack t : tracks) {
            if (t.video() && t != video) {
                continue;
            }
            InitTrack entry;
            try {
                entry = t.init();
            } catch (IllegalArgumentException e) {
                entry = null; // a parameter set that cannot be read: the track is left out
            }
            if (entry != null) {
                ready.add(t);
                entries.add(entry);
            }
        }
        carried = List.copyOf(ready);
        init = org.tributary.media.fmp4.InitSegment.write(entries);
    }

    private static int firstKey(List<LiveSample> samples) {
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).key()) {
                return i;
            }
        }
        return -1;
    }

    private static double seconds(long ticks, LiveTrack t) {
        return (double) ticks / t.timescale();
    }

    private static long toTicks(double seconds, LiveTrack t) {
        return Math.round(seconds * t.timescale());
    }

    private static void dropBefore(LiveTrack t, long ticks) {
        List<LiveSample> pending = t.pending();
        int n = countBefore(pending, ticks, false);
        pending.subList(0, n).clear();
    }

    /** How many leading samples start before {@code ticks} (and, when asked, have their successor already). */
    private static int countBefore(List<LiveSample> samples, long ticks, boolean needSuccessor) {
        int n = 0;
        while (n < samples.size() && samples.get(n).pts() < ticks
                && (!needSuccessor || n + 1 < samples.size())) {
            n++;
        }
        return n;
    }

    private static List<LiveSample> take(LiveTrack t, int count) {
        List<LiveSample> head = t.pending().subList(0, count);
        List<LiveSample> out = new ArrayList<>(head);
        head.clear();
        return out;
    }

    /** Decode times from the sorted presentation times, continuous with the previous segment's. */
    private TrackFragment videoFragment(LiveTrack t, List<LiveSample> samples, long nextKeyPts) {
        int n = samples.size();
        long[] pts = new long[n];
        for (int i = 0; i < n; i++) {
            pts[i] = samples.get(i).pts();
        }
        long[] sorted = pts.clone();
        Arrays.sort(sorted);
        if (shift < 0) {
            shift = 0;
            for (int i = 0; i < n; i++) {
                shift = Math.max(shift, sorted[i] - pts[i]);
            }
        }
        long[] dts = new long[n];
        for (int i = 0; i < n; i++) {
            long wanted = sorted[i] - shift;
            long floor = i == 0 ? nextVideoDts : dts[i - 1] + 1;
            dts[i] = i == 0 && nextVideoDts == Long.MIN_VALUE ? wanted : Math.max(wanted, floor);
        }
        long next = Math.max(nextKeyPts - shift, dts[n - 1] + 1);
        nextVideoDts = next;
        int[] durations = new int[n];
        int[] sizes = new int[n];
        boolean[] sync = new boolean[n];
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            durations[i] = (int) Math.min(Integer.MAX_VALUE, (i + 1 < n ? dts[i + 1] : next) - dts[i]);
            sizes[i] = samples.get(i).data().length;
            sync[i] = samples.get(i).key();
            offsets[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, pts[i] - dts[i]));
        }
        return new TrackFragment(trackIdOf(t), dts[0], durations, sizes, sync, offsets);
    }

    /** Each sample lasts until the next; the last until the first sample left for the next segment. */
    private TrackFragment audioFragment(LiveTrack t, List<LiveSample> samples) {
        int n = samples.size();
        List<LiveSample> after = t.pending();
        int[] durations = new int[n];
        int[] sizes = new int[n];
        boolean[] sync = new boolean[n];
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            long next = i + 1 < n ? samples.get(i + 1).pts() : after.isEmpty() ? -1 : after.get(0).pts();
            long duration = next < 0 ? (i > 0 ? durations[i - 1] : 1024) : next - samples.get(i).pts();
            durations[i] = (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration));
            sizes[i] = samples.get(i).data().length;
            sync[i] = true;
        }
        return new TrackFragment(trackIdOf(t), samples.get(0).pts(), durations, sizes, sync, offsets);
    }

    private int trackIdOf(LiveTrack t) {
        return t.init().trackId();
    }
}
