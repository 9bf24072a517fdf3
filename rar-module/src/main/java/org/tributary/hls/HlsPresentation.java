package org.tributary.hls;

import org.tributary.media.fmp4.InitSegment;
import org.tributary.media.fmp4.MediaSegment;
import org.tributary.media.fmp4.TrackFragment;
import org.tributary.media.mp4.Mp4File;
import org.tributary.media.mp4.Mp4Track;
import org.tributary.media.mp4.SampleTable;
import org.tributary.source.UnsupportedMediaException;
import org.tributary.source.file.FileBytes;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One file as HLS: its init segment (made once), its segment plan and its playlists; media segments are made
 * on request from the file's samples, copied from the file's memory mapping (the same {@link FileBytes} as RTSP
 * reads through) into the segment's array. Immutable, shared by threads.
 */
final class HlsPresentation implements Closeable {

    private final FileBytes bytes;
    private final List<HlsTrack> tracks;
    private final SegmentPlan plan;
    private final byte[] init;
    private final String mediaPlaylist;
    private final String multivariantPlaylist;

    private HlsPresentation(FileBytes bytes, List<HlsTrack> tracks, SegmentPlan plan) {
        this.bytes = bytes;
        this.tracks = tracks;
        this.plan = plan;
        this.init = InitSegment.write(tracks.stream().map(HlsTrack::init).toList());
        List<Double> durations = plan.segments().stream().map(plan::durationSeconds).toList();
        this.mediaPlaylist = Playlists.vodMedia(durations);
        long peak = 0;
        long totalBytes = 0;
        for (SegmentPlan.Segment s : plan.segments()) {
            long size = segmentSize(s);
            totalBytes += size;
            peak = Math.max(peak, Math.round(size * 8 / Math.max(plan.durationSeconds(s), 0.001)));
        }
        double total = durations.stream().mapToDouble(Double::doubleValue).sum();
        long average = Math.round(totalBytes * 8 / Math.max(total, 0.001));
        HlsTrack video = tracks.get(0).video() ? tracks.get(0) : null;
        this.multivariantPlaylist = Playlists.multivariant(peak, average,
                tracks.stream().map(HlsTrack::codec).toList(),
                video == null ? 0 : video.init().width(), video == null ? 0 : video.init().height());
    }

    /** Opens {@code path} and plans its segments of about {@code targetSeconds}. */
    static HlsPresentation open(Path path, String name, double targetSeconds) throws IOException, UnsupportedMediaException {
        List<HlsTrack> tracks;
        SegmentPlan plan;
        try (Mp4File file = Mp4File.open(path)) { // the sample tables stay in memory; the bytes come mapped
            tracks = HlsTracks.choose(file, name);
            plan = SegmentPlan.of(tracks.stream().map(HlsTrack::source).toList(), targetSeconds);
        }
        return new HlsPresentation(FileBytes.open(path), tracks, plan);
    }

    byte[] init() {
        return init.clone();
    }

    String mediaPlaylist() {
        return mediaPlaylist;
    }

    String multivariantPlaylist() {
        return multivariantPlaylist;
    }

    /** The sum of the segments' durations. */
    double durationSeconds() {
        return plan.segments().stream().mapToDouble(plan::durationSeconds).sum();
    }

    int segmentCount() {
        return plan.size();
    }

    List<String> codecs() {
        return tracks.stream().map(HlsTrack::codec).toList();
    }

    /** Media segment {@code index} (0-based, also its sequence number less one). */
    byte[] segment(int index) throws IOException {
        SegmentPlan.Segment s = plan.get(index);
        List<TrackFragment> fragments = fragments(s);
        MediaSegment.Layout layout = MediaSegment.layout(index + 1L, fragments);
        ByteBuffer dst = ByteBuffer.wrap(layout.bytes());
        dst.position(layout.dataStart());
        FileBytes.View view = bytes.view();
        for (int t = 0; t < tracks.size(); t++) {
            SampleTable table = tracks.get(t).source().samples();
            for (int i = s.first()[t]; i < s.end()[t]; i++) {
                dst.put(view.slice(table.offset(i), table.size(i)));
            }
        }
        return layout.bytes();
    }

    private long segmentSize(SegmentPlan.Segment s) {
        int[] counts = new int[tracks.size()];
        long data = 0;
        for (int t = 0; t < tracks.size(); t++) {
            counts[t] = s.end()[t] - s.first()[t];
            SampleTable table = tracks.get(t).source().samples();
            for (int i = s.first()[t]; i < s.end()[t]; i++) {
                data += table.size(i);
            }
        }
        return MediaSegment.size(counts, data);
    }

    /** The non-empty tracks of a segment with their samples' timing, sizes and key-frame flags. */
    List<TrackFragment> fragments(SegmentPlan.Segment s) {
        List<TrackFragment> out = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            Mp4Track track = tracks.get(t).source();
            SampleTable table = track.samples();
            int first = s.first()[t];
            int n = s.end()[t] - first;
            if (n == 0) {
                continue;
            }
            int[] durations = new int[n];
            int[] sizes = new int[n];
            boolean[] sync = new boolean[n];
            int[] offsets = new int[n];
            for (int k = 0; k < n; k++) {
                durations[k] = SegmentPlan.duration(track, first + k);
                sizes[k] = table.size(first + k);
                sync[k] = table.isSync(first + k);
                offsets[k] = table.compositionOffset(first + k);
            }
            out.add(new TrackFragment(track.trackId(), table.decodeTime(first), durations, sizes, sync, offsets));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }
}
