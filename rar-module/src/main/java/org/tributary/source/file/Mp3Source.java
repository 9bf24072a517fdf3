package org.tributary.source.file;

import org.tributary.media.mp3.Mp3File;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.PayloadSink;
import org.tributary.rtp.payload.plan.PayloadPlans;
import org.tributary.rtp.payload.plan.StoredCodec;
import org.tributary.source.PacketSink;
import org.tributary.source.SourceReader;
import org.tributary.source.SourceTrack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** An MP3 file streamed over RTP as MPEG audio (RFC 2250, payload type 14, 90 kHz clock). */
final class Mp3Source extends FileSource {

    private final Mp3File file;
    private final FileBytes bytes;
    private final PayloadPlans.Plan plan = PayloadPlans.plan(StoredCodec.mp3(), 96); // MPEG audio has a static payload type: 96 is not used

    Mp3Source(String name, Mp3File file, FileBytes bytes) {
        super(name);
        this.file = file;
        this.bytes = bytes;
        tracks.add(new SourceTrack(0, "audio", plan.format().payloadType(), plan.format().clockRate(), plan.codec(),
                file.bitrate() / 1000, List.of(plan.format().rtpmapLine().substring(2))));
    }

    @Override
    public double durationSeconds() {
        return file.durationSeconds();
    }

    @Override
    TrackMergingReader.TrackCursor openCursor(int index) {
        return new Cursor();
    }

    private long frameMicros(int frame) {
        return Math.round(file.frameTimeSeconds(frame) * 1_000_000);
    }

    /** The one track's position in one reader; every frame is a sync point. */
    private final class Cursor implements TrackMergingReader.TrackCursor, PayloadSink {
        private final Packetizer packetizer = plan.packetizers().get();
        private final FileBytes.View view = bytes.view();
        private final int payloadType = tracks.get(0).payloadType();
        private final long clockRate = tracks.get(0).clockRate();
        private int frame;
        private long timestamp;
        private PacketSink target;

        @Override
        public long nextSendMicros() {
            return frame < file.frameCount() ? frameMicros(frame) : SourceReader.END;
        }

        /** The start of the frame at or before {@code micros}: seeking lands on a frame boundary. */
        @Override
        public long keyFrameMicrosAtOrBefore(long micros) {
            return frameMicros(Math.max(0, file.frameAtOrBefore(micros / 1_000_000.0)));
        }

        @Override
        public void positionAt(long micros) {
            int f = Math.max(0, file.frameAtOrBefore(micros / 1_000_000.0));
            while (f < file.frameCount() && frameMicros(f) < micros) {
                f++;
            }
            frame = f;
        }

        @Override
        public void emit(PacketSink sink) throws IOException {
            timestamp = Math.round(file.frameTimeSeconds(frame) * clockRate);
            target = sink;
            ByteBuffer data = view.slice(file.frameOffset(frame), file.frameSize(frame));
            frame++;
            packetizer.packetize(data, this);
        }

        @Override
        public void payload(ByteBuffer payload, boolean marker) {
            target.packet(0, payload, marker, timestamp, payloadType);
        }
    }
}
