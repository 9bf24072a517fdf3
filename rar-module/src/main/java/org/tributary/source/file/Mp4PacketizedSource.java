package org.tributary.source.file;

import org.tributary.media.mp4.Mp4File;
import org.tributary.media.mp4.Mp4Track;
import org.tributary.media.mp4.SampleEntry;
import org.tributary.media.mp4.SampleTable;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.PayloadSink;
import org.tributary.rtp.payload.plan.PayloadPlans;
import org.tributary.rtp.payload.plan.StoredCodec;
import org.tributary.source.PacketSink;
import org.tributary.source.SourceReader;
import org.tributary.source.SourceTrack;
import org.tributary.source.UnsupportedMediaException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An MP4/QuickTime/3GP file without hint tracks, packetized by Tributary: one RTP stream per video or
 * audio track whose codec has a payload format. Sample tables and the mapped file are shared by readers.
 */
final class Mp4PacketizedSource extends FileSource {

    private final Mp4File file;
    private final FileBytes bytes;
    private final List<Mp4Track> mediaTracks = new ArrayList<>();
    private final List<PayloadPlans.Plan> plans = new ArrayList<>();

    Mp4PacketizedSource(String name, Mp4File file, FileBytes bytes) throws UnsupportedMediaException {
        super(name);
        this.file = file;
        this.bytes = bytes;
        int payloadType = 96;
        List<String> skipped = new ArrayList<>();
        for (Mp4Track track : file.tracks()) {
            String handler = track.handlerType();
            if (!handler.equals("vide") && !handler.equals("soun")) {
                continue;
            }
            PayloadPlans.Plan plan = plan(track.sampleEntry(), payloadType);
            if (plan == null || track.samples().count() == 0) {
                skipped.add(handler + "/" + (track.sampleEntry() == null ? "?" : track.sampleEntry().fourcc()));
                continue;
            }
            if (plan.format().payloadType() == payloadType) {
                payloadType++;
            }
            long kbps = track.mediaDurationSeconds() > 0
                    ? Math.round(track.samples().totalBytes() * 8 / track.mediaDurationSeconds() / 1000) : 0;
            List<String> attributes = new ArrayList<>();
            attributes.add(plan.format().rtpmapLine().substring(2));
            if (plan.format().fmtpLine() != null) {
                attributes.add(plan.format().fmtpLine().substring(2));
            }
            if (handler.equals("vide") && track.sampleEntry().width() > 0) {
                attributes.add("framesize:" + plan.format().payloadType() + " " + track.sampleEntry().width() + "-"
                        + track.sampleEntry().height());
            }
            tracks.add(new SourceTrack(tracks.size(), handler.equals("vide") ? "video" : "audio",
                    plan.format().payloadType(), plan.format().clockRate(), plan.codec(), kbps, attributes));
            mediaTracks.add(track);
            plans.add(plan);
        }
        if (tracks.isEmpty()) {
            throw new UnsupportedMediaException(name + " has no track Tributary can stream"
                    + (skipped.isEmpty() ? "" : " (found " + String.join(", ", skipped) + ")"));
        }
    }

    private static PayloadPlans.Plan plan(SampleEntry entry, int payloadType) {
        if (entry == null) {
            return null;
        }
        return PayloadPlans.plan(new StoredCodec(entry.fourcc(), entry.avcC(), entry.hvcC(),
                entry.objectTypeIndication(), entry.decoderSpecificInfo()), payloadType);
    }

    @Override
    public double durationSeconds() {
        return file.durationSeconds();
    }

    @Override
    TrackMergingReader.TrackCursor openCursor(int index) {
        return new Cursor(index);
    }

    /** Presentation time of a sample's decoding, in microseconds (edit list start removed). */
    private static long sendMicros(Mp4Track track, int sample) {
        long t = track.samples().decodeTime(sample) - track.mediaStartTime();
        return Math.max(0, t) * 1_000_000L / track.mediaTimescale();
    }

    /** One track's position in one reader; forwards its packetizer's payloads to the engine's sink. */
    private final class Cursor implements PayloadSink, TrackMergingReader.TrackCursor {
        private final int index;
        private final Mp4Track track;
        private final SampleTable samples;
        private final Packetizer packetizer;
        private final FileBytes.View view = bytes.view();
        private final int payloadType;
        private final long clockRate;
        private int sample;
        private PacketSink target;
        private long timestamp;

        Cursor(int index) {
            this.index = index;
            this.track = mediaTracks.get(index);
            this.samples = track.samples();
            this.packetizer = plans.get(index).packetizers().get();
            this.payloadType = tracks.get(index).payloadType();
            this.clockRate = tracks.get(index).clockRate();
            skipSamplesBeforeTheEdit();
        }

        /**
         * Samples whose whole presentation lies before the edit list's start are not presented (an AAC encoder's
         * priming frame): sent, they would share time 0 with the first frame presented, and a player that sees two
         * units at one time (after another item, in a channel) warns of non-monotonic timestamps.
         */
        private void skipSamplesBeforeTheEdit() {
            while (sample + 1 < samples.count() && samples.decodeTime(sample + 1) + samples.compositionOffset(sample)
                    - track.mediaStartTime() <= 0) {
                sample++;
            }
        }

        @Override
        public long nextSendMicros() {
            return sample < samples.count() ? sendMicros(track, sample) : SourceReader.END;
        }

        @Override
        public long keyFrameMicrosAtOrBefore(long micros) {
            if (samples.allSync()) {
                return -1;
            }
            int s = samples.sampleAtOrBefore(micros * track.mediaTimescale() / 1_000_000L + track.mediaStartTime());
            int sync = samples.syncSampleAtOrBefore(Math.max(0, s));
            return sendMicros(track, Math.max(0, sync));
        }

        /** Moves to the first sample due at or after {@code micros} (several samples may share a time). */
        @Override
        public void positionAt(long micros) {
            int s = Math.max(0, samples.sampleAtOrBefore(micros * track.mediaTimescale() / 1_000_000L
                    + track.mediaStartTime()));
            while (s > 0 && sendMicros(track, s - 1) >= micros) {
                s--;
            }
            while (s < samples.count() && sendMicros(track, s) < micros) {
                s++;
            }
            sample = s;
            skipSamplesBeforeTheEdit();
        }

        @Override
        public void emit(PacketSink sink) throws IOException {
            long composition = samples.decodeTime(sample) + samples.compositionOffset(sample) - track.mediaStartTime();
            timestamp = Math.max(0, composition) * clockRate / track.mediaTimescale();
            target = sink;
            ByteBuffer data = view.slice(samples.offset(sample), samples.size(sample));
            sample++;
            try {
                packetizer.packetize(data, this);
            } catch (IllegalArgumentException e) {
                // A corrupt sample: skip it rather than stop the stream.
            }
        }

        @Override
        public void payload(ByteBuffer payload, boolean marker) {
            target.packet(index, payload, marker, timestamp + packetizer.payloadTimestampOffset(), payloadType);
        }
    }
}
