package org.tributary.hls;

import org.tributary.media.mp4.Mp4Track;
import org.tributary.media.mp4.SampleTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a file's segments start. The lead track (the video, else the audio) is cut at its first sync sample
 * at or after the segment's start plus the target duration, so every segment starts with a key frame; the
 * other tracks are cut at the same instant (each sample goes to the segment its decode time falls in).
 */
final class SegmentPlan {

    /**
     * One segment: for track {@code t} of the presentation, samples {@code first[t]} (inclusive) to
     * {@code end[t]} (exclusive).
     */
    record Segment(int index, long leadStart, long leadEnd, int[] first, int[] end) {
    }

    private final List<Segment> segments;
    private final long leadTimescale;

    private SegmentPlan(List<Segment> segments, long leadTimescale) {
        this.segments = List.copyOf(segments);
        this.leadTimescale = leadTimescale;
    }

    /** Plans segments of about {@code targetSeconds} for the tracks, the lead first. */
    static SegmentPlan of(List<Mp4Track> tracks, double targetSeconds) {
        Mp4Track lead = tracks.get(0);
        SampleTable leadSamples = lead.samples();
        long target = Math.max(1, Math.round(targetSeconds * lead.mediaTimescale()));
        List<Integer> cuts = new ArrayList<>();
        int n = leadSamples.count();
        int start = 0;
        while (start < n) {
            cuts.add(start);
            long due = leadSamples.decodeTime(start) + target;
            int next = start + 1;
            while (next < n && !(leadSamples.decodeTime(next) >= due && leadSamples.isSync(next))) {
                next++;
            }
            start = next;
        }
        long leadEnd = endTime(lead);
        int[] cursor = new int[tracks.size()];
        List<Segment> out = new ArrayList<>();
        for (int s = 0; s < cuts.size(); s++) {
            boolean last = s == cuts.size() - 1;
            int leadFirst = cuts.get(s);
            int leadStop = last ? n : cuts.get(s + 1);
            long from = leadSamples.decodeTime(leadFirst);
            long to = last ? leadEnd : leadSamples.decodeTime(leadStop);
            int[] first = new int[tracks.size()];
            int[] end = new int[tracks.size()];
            first[0] = leadFirst;
            end[0] = leadStop;
            for (int t = 1; t < tracks.size(); t++) {
                Mp4Track other = tracks.get(t);
                SampleTable samples = other.samples();
                first[t] = cursor[t];
                int k = cursor[t];
                if (last) {
                    k = samples.count();
                } else {
                    // decodeTime / otherScale < to / leadScale, compared without rounding
                    while (k < samples.count() && samples.decodeTime(k) * lead.mediaTimescale()
                            < to * other.mediaTimescale()) {
                        k++;
                    }
                }
                end[t] = k;
                cursor[t] = k;
            }
            out.add(new Segment(s, from, to, first, end));
        }
        return new SegmentPlan(out, lead.mediaTimescale());
    }

    List<Segment> segments() {
        return segments;
    }

    int size() {
        return segments.size();
    }

    Segment get(int index) {
        return segments.get(index);
    }

    double durationSeconds(Segment s) {
        return (double) (s.leadEnd() - s.leadStart()) / leadTimescale;
    }

    /** Duration of sample {@code i}: up to the next sample, for the last one up to the media's end. */
    static int duration(Mp4Track track, int i) {
        SampleTable t = track.samples();
        if (i + 1 < t.count()) {
            return (int) (t.decodeTime(i + 1) - t.decodeTime(i));
        }
        long rest = track.mediaDuration() - t.decodeTime(i);
        if (rest > 0 && rest <= Integer.MAX_VALUE) {
            return (int) rest;
        }
        return i > 0 ? (int) (t.decodeTime(i) - t.decodeTime(i - 1)) : (int) Math.min(track.mediaTimescale(), 1024);
    }

    private static long endTime(Mp4Track track) {
        int last = track.samples().count() - 1;
        return track.samples().decodeTime(last) + duration(track, last);
    }
}
