package org.tributary.source.file;

import org.tributary.media.MediaFormatException;
import org.tributary.media.mp4.HintPacket;
import org.tributary.media.mp4.HintPacketAssembler;
import org.tributary.media.mp4.Mp4File;
import org.tributary.media.mp4.Mp4Track;
import org.tributary.media.mp4.RtpHintSample;
import org.tributary.media.mp4.SampleTable;
import org.tributary.source.PacketSink;
import org.tributary.source.SourceReader;
import org.tributary.source.SourceTrack;
import org.tributary.source.UnsupportedMediaException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A QuickTime/MP4 file with RTP hint tracks, streamed exactly as the hint tracks say (as Darwin
 * Streaming Server did): each hint sample lists its packets and how to build their payloads. The SDP
 * lines come from the hint tracks too.
 */
final class HintedMp4Source extends FileSource {

    /** The largest RTP packet payload a UDP datagram can carry. */
    static final int MAX_PACKET_BYTES = 65_535;
    /** Hint samples list packets and their constructors: a few KB in practice, even for large key frames. */
    static final int MAX_HINT_SAMPLE_BYTES = 1 << 20;

    private final Mp4File file;
    private final List<Mp4Track> hintTracks = new ArrayList<>();

    HintedMp4Source(String name, Mp4File file) throws UnsupportedMediaException {
        super(name);
        this.file = file;
        for (Mp4Track track : file.tracks()) {
            if (!track.isHintTrack() || track.samples().count() == 0) {
                continue;
            }
            checkBuffers(name, track);
            HintSdp sdp = HintSdp.parse(track.trackSdp());
            if (sdp == null) {
                continue;
            }
            int clockRate = track.rtpTimescale() != null ? track.rtpTimescale() : (int) track.mediaTimescale();
            tracks.add(new SourceTrack(tracks.size(), sdp.media(), sdp.payloadType(), clockRate, sdp.codec(),
                    sdp.bitrateKbps(), sdp.attributes()));
            hintTracks.add(track);
        }
        if (tracks.isEmpty()) {
            throw new UnsupportedMediaException(name + " has hint tracks but none with a usable SDP");
        }
    }

    /**
     * Every PLAY allocates a packet buffer of the track's maxPacketSize and a sample buffer of its largest
     * hint sample: both come from the file, so they are bounded here, when the file is opened.
     */
    private static void checkBuffers(String name, Mp4Track track) throws UnsupportedMediaException {
        if (track.maxPacketSize() > MAX_PACKET_BYTES) {
            throw new UnsupportedMediaException(name + " cannot be read: hint track " + track.trackId()
                    + " declares maxPacketSize " + track.maxPacketSize() + " bytes; an RTP packet must fit in a UDP"
                    + " datagram (at most " + MAX_PACKET_BYTES + ")");
        }
        if (track.samples().maxSampleSize() > MAX_HINT_SAMPLE_BYTES) {
            throw new UnsupportedMediaException(name + " cannot be read: hint track " + track.trackId()
                    + " has a hint sample of " + track.samples().maxSampleSize() + " bytes (at most "
                    + MAX_HINT_SAMPLE_BYTES + ")");
        }
    }

    /** True when the file has at least one RTP hint track. */
    static boolean isHinted(Mp4File file) {
        return file.tracks().stream().anyMatch(Mp4Track::isHintTrack);
    }

    @Override
    public double durationSeconds() {
        return file.durationSeconds();
    }

    @Override
    TrackMergingReader.TrackCursor openCursor(int index) {
        return new Cursor(index);
    }

    private final class Cursor implements TrackMergingReader.TrackCursor {
        private final int index;
        private final Mp4Track hint;
        private final SampleTable samples;
        private final long clockRate;
        private final ByteBuffer sampleBuffer;
        private final ByteBuffer payload;
        private int sample;

        Cursor(int index) {
            this.index = index;
            this.hint = hintTracks.get(index);
            this.samples = hint.samples();
            this.clockRate = tracks.get(index).clockRate();
            this.sampleBuffer = ByteBuffer.allocate(Math.max(64, samples.maxSampleSize()));
            this.payload = ByteBuffer.allocate((int) Math.max(2048, hint.maxPacketSize()));
        }

        private long micros(int s) {
            return Math.max(0, samples.decodeTime(s) - hint.mediaStartTime()) * 1_000_000L / hint.mediaTimescale();
        }

        @Override
        public long nextSendMicros() {
            return sample < samples.count() ? micros(sample) : SourceReader.END;
        }

        /** The key frame time of the media track this hint track packetizes, or -1 when it has none. */
        @Override
        public long keyFrameMicrosAtOrBefore(long target) {
            int[] refs = hint.trackReferences("hint");
            if (refs == null || refs.length == 0) {
                return -1;
            }
            Mp4Track media = file.trackById(refs[0]);
            if (media == null || media.samples().allSync()) {
                return -1;
            }
            SampleTable m = media.samples();
            int s = Math.max(0, m.sampleAtOrBefore(target * media.mediaTimescale() / 1_000_000L + media.mediaStartTime()));
            int sync = Math.max(0, m.syncSampleAtOrBefore(s));
            return Math.max(0, m.decodeTime(sync) - media.mediaStartTime()) * 1_000_000L / media.mediaTimescale();
        }

        @Override
        public void positionAt(long micros) {
            int s = Math.max(0, samples.sampleAtOrBefore(micros * hint.mediaTimescale() / 1_000_000L + hint.mediaStartTime()));
            while (s > 0 && micros(s - 1) >= micros) {
                s--;
            }
            while (s < samples.count() && micros(s) < micros) {
                s++;
            }
            sample = s;
        }

        @Override
        public void emit(PacketSink sink) throws IOException {
            int s = sample++;
            long sampleTicks = Math.max(0, samples.decodeTime(s) - hint.mediaStartTime()) * clockRate / hint.mediaTimescale();
            sampleBuffer.clear();
            file.readSample(hint, s, sampleBuffer);
            sampleBuffer.flip();
            RtpHintSample hintSample;
            try {
                hintSample = RtpHintSample.parse(sampleBuffer);
            } catch (MediaFormatException e) {
                return; // a damaged hint sample: skip it, the stream goes on
            }
            for (HintPacket packet : hintSample.packets()) {
                if (packet.payloadLength() > payload.capacity()) {
                    continue; // larger than the track's maxPacketSize said: a damaged packet, skipped
                }
                payload.clear();
                HintPacketAssembler.assemble(packet, file, hint, payload);
                payload.flip();
                sink.packet(index, payload, packet.marker(), sampleTicks + packet.rtpTimestampOffset(),
                        packet.payloadType());
            }
        }
    }
}
