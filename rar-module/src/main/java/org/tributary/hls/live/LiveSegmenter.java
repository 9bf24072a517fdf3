package org.tributary.hls.live;

import org.tributary.media.fmp4.InitTrack;
import org.tributary.media.fmp4.MediaSegment;
import org.tributary.media.fmp4.TrackFragment;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the samples of a live stream's tracks into fragmented-MP4 parts and segments (Low-Latency HLS). With
 * video, a segment runs from a key frame to the first key frame at least the target duration later, in parts
 * of at most the part target where the frame order allows; audio-only streams are cut by time. Audio goes
 * with the video it plays beside. Timestamps run on without a gap from one segment to the next (each tfdt is the
 * previous one plus the previous durations), which is what a player's buffer needs.
 * <p>
 * RTP carries presentation times only. Video decode times are made from them: within a part (cut where no later
 * frame is shown before an earlier one) the sorted presentation times, moved back by the largest reordering delay seen in the first segment,
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
    private long partStart;
    private int partIndex;
    private long fragmentSequence;
    private final double partSeconds;
    private long sequence;
    private long shift = -1;
    private long nextVideoDts = Long.MIN_VALUE;

    /**
     * @param targetSeconds the least duration of a segment (it ends at a key frame)
     * @param partSeconds   the most a part lasts, where the stream's frame order allows a cut in time
     * @param firstSequence the first segment's sequence number
     */
    LiveSegmenter(List<LiveTrack> tracks, double targetSeconds, double partSeconds, long firstSequence) {
        this.tracks = List.copyOf(tracks);
        this.targetSeconds = targetSeconds;
        this.partSeconds = partSeconds;
        this.sequence = firstSequence;
        this.fragmentSequence = firstSequence; // each part's mfhd number, one up from the last
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

    /**
     * The next finished part, or null while the samples so far do not complete one. A part ends where the
     * presentation order allows a clean cut (every later frame is shown after every earlier one: at a key frame, or
     * at a frame shown after all before it) before it outgrows the part target; a segment ends at the first key
     * frame at least the target duration after its start.
     */
    LivePart poll() {
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
            partStart = segmentStart;
            for (LiveTrack t : tracks) {
                if (t != clock) {
                    dropBefore(t, toTicks(seconds(segmentStart, clock), t));
                }
            }
            started = true;
        }
        long target = Math.round(targetSeconds * clock.timescale());
        // decided on presentation times, measured in decode time: a margin keeps parts within the advertised target
        long partTarget = Math.round(0.8 * partSeconds * clock.timescale());
        int cut = -1;
        boolean endsSegment = false;
        int lastClean = -1;
        long shown = timeline.isEmpty() ? Long.MIN_VALUE : timeline.get(0).pts();
        for (int i = 1; i < timeline.size(); i++) {
            LiveSample s = timeline.get(i);
            if (s.key() && s.pts() - segmentStart >= target) {
                cut = i;
                endsSegment = true;
                break;
            }
            boolean clean = s.key() || s.pts() > shown;
            shown = Math.max(shown, s.pts());
            if (s.pts() - partStart > partTarget) {
                cut = lastClean > 0 ? lastClean : clean ? i : -1;
                if (cut > 0) {
                    break;
                }
            }
            if (clean) {
                lastClean = i;
            }
        }
        if (cut < 0) {
            return null;
        }
        return cut(clock, cut, endsSegment, timeline.get(cut).pts());
    }

    /**
     * The stream ended: what is left after the last cut as the last part, ending the last segment (its last frame
     * lasts as long as the one before it); null when nothing is left.
     */
    LivePart flush() {
        LiveTrack clock = video != null ? video : tracks.get(0);
        List<LiveSample> timeline = clock.pending();
        if (!started || timeline.isEmpty()) {
            return null;
        }
        int n = timeline.size();
        long end = clock.video() ? nextShown(timeline, n, false)
                : timeline.get(n - 1).pts() + (n > 1 ? timeline.get(n - 1).pts() - timeline.get(n - 2).pts() : 1);
        return cut(clock, n, true, end);
    }

    /** Cuts the part of the clock track's first {@code cut} samples, ending at {@code end}, with the other tracks' samples before it. */
    private LivePart cut(LiveTrack clock, int cut, boolean endsSegment, long end) {
        List<LiveSample> timeline = clock.pending();
        if (carried == null) {
            chooseCarriedTracks();
        }
        double endSeconds = seconds(end, clock);
        boolean independent = timeline.get(0).key();
        List<TrackFragment> fragments = new ArrayList<>();
        List<List<LiveSample>> taken = new ArrayList<>();
        double duration = 0;
        for (LiveTrack t : tracks) {
            if (!carried.contains(t)) {
                t.pending().clear();
                continue;
            }
            List<LiveSample> samples;
            long next;
            if (t == clock) {
                next = t.video() ? (cut < timeline.size() ? nextShown(timeline, cut, endsSegment) : end) : end;
                samples = take(t, cut);
            } else {
                samples = take(t, countBefore(t.pending(), toTicks(endSeconds, t), !t.video()));
                next = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).pts() + 1;
            }
            if (samples.isEmpty()) {
                continue;
            }
            TrackFragment f = t.video() ? videoFragment(t, samples, next) : audioFragment(t, samples);
            if (t == clock) {
                long span = 0;
                for (int d : f.durations()) {
                    span += d;
                }
                duration = (double) span / t.timescale();
            }
            fragments.add(f);
            taken.add(samples);
        }
        MediaSegment.Layout layout = MediaSegment.layout(++fragmentSequence, fragments);
        ByteBuffer data = ByteBuffer.wrap(layout.bytes());
        data.position(layout.dataStart());
        for (List<LiveSample> samples : taken) {
            for (LiveSample s : samples) {
                data.put(s.data());
            }
        }
        LivePart part = new LivePart(sequence, partIndex, layout.bytes(), duration, independent, endsSegment,
                zeroWallMillis + Math.round(seconds(segmentStart, clock) * 1000));
        partStart = end;
        if (endsSegment) {
            sequence++;
            partIndex = 0;
            segmentStart = end;
        } else {
            partIndex++;
        }
        return part;
    }

    /**
     * The first presentation time after the part that ends before frame {@code cut}: at a key frame (a closed group
     * of pictures starts there) its own; at another clean cut the earliest frame after it known so far, else one
     * frame interval after the part's last picture.
     */
    private static long nextShown(List<LiveSample> timeline, int cut, boolean keyFrame) {
        if (keyFrame) {
            return timeline.get(cut).pts();
        }
        long last = Long.MIN_VALUE;
        long interval = Long.MAX_VALUE;
        long[] shown = new long[cut];
        for (int i = 0; i < cut; i++) {
            shown[i] = timeline.get(i).pts();
            last = Math.max(last, shown[i]);
        }
        Arrays.sort(shown);
        for (int i = 1; i < cut; i++) {
            if (shown[i] > shown[i - 1]) {
                interval = Math.min(interval, shown[i] - shown[i - 1]);
            }
        }
        long earliestAfter = Long.MAX_VALUE;
        for (int i = cut; i < timeline.size(); i++) {
            earliestAfter = Math.min(earliestAfter, timeline.get(i).pts());
        }
        boolean mayStillCome = timeline.size() - cut < 2; // B-frames after the cut may not all be here yet
        long estimate = interval == Long.MAX_VALUE ? earliestAfter : last + interval;
        return mayStillCome ? Math.min(estimate, earliestAfter) : earliestAfter;
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
