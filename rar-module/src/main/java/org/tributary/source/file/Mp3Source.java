package org.tributary.source.file;

import org.tributary.media.mp3.Mp3File;
import org.tributary.rtp.payload.PayloadFormat;
import org.tributary.rtp.payload.PayloadSink;
import org.tributary.rtp.payload.mpegaudio.MpegAudioFormat;
import org.tributary.rtp.payload.mpegaudio.MpegAudioPacketizer;
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

    Mp3Source(String name, Mp3File file, FileBytes bytes) {
        super(name);
        this.file = file;
        this.bytes = bytes;
        PayloadFormat format = MpegAudioFormat.format();
        tracks.add(new SourceTrack(0, "audio", format.payloadType(), format.clockRate(), "MPA",
                file.bitrate() / 1000, List.of(format.rtpmapLine().substring(2))));
    }

    @Override
    public double durationSeconds() {
        return file.durationSeconds();
    }

    @Override
    public SourceReader openReader() {
        return new Reader();
    }

    private final class Reader implements SourceReader, PayloadSink {
        private final MpegAudioPacketizer packetizer = new MpegAudioPacketizer(TrackPacketizers.MAX_PAYLOAD);
        private final FileBytes.View view = bytes.view();
        private final int payloadType = tracks.get(0).payloadType();
        private int frame;
        private long timestamp;
        private PacketSink target;

        @Override
        public double seek(double nptSeconds) {
            frame = Math.max(0, file.frameAtOrBefore(Math.max(0, nptSeconds)));
            return file.frameTimeSeconds(frame);
        }

        @Override
        public long nextSendTimeMicros() {
            return frame < file.frameCount() ? Math.round(file.frameTimeSeconds(frame) * 1_000_000) : SourceReader.END;
        }

        @Override
        public void emitNext(PacketSink sink) throws IOException {
            timestamp = Math.round(file.frameTimeSeconds(frame) * 90_000);
            target = sink;
            ByteBuffer data = view.slice(file.frameOffset(frame), file.frameSize(frame));
            frame++;
            packetizer.packetize(data, this);
        }

        @Override
        public void payload(ByteBuffer payload, boolean marker) {
            target.packet(0, payload, marker, timestamp, payloadType);
        }

        @Override
        public void close() {
        }
    }
}
