package org.tributary.session;

import org.tributary.source.MediaSource;
import org.tributary.source.PacketSink;
import org.tributary.source.SourceReader;
import org.tributary.source.SourceTrack;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A one-track source of {@code units} units, one every 40 ms (a 25 fps video at 90 kHz), each one packet
 * whose single payload byte is the unit's number. Counts the readers it opened and closed.
 */
final class ScriptedSource implements MediaSource {

    static final long UNIT_MICROS = 40_000;
    static final long UNIT_TICKS = 3600;

    private final int units;
    int readersOpened;
    int readersClosed;

    ScriptedSource(int units) {
        this.units = units;
    }

    @Override
    public String name() {
        return "scripted.mp4";
    }

    @Override
    public List<SourceTrack> tracks() {
        return List.of(new SourceTrack(0, "video", 96, 90000, "H264", 0, List.of("rtpmap:96 H264/90000")));
    }

    @Override
    public double durationSeconds() {
        return units * UNIT_MICROS / 1e6;
    }

    @Override
    public boolean seekable() {
        return true;
    }

    @Override
    public SourceReader openReader() {
        readersOpened++;
        return new SourceReader() {
            private int next;

            @Override
            public double seek(double nptSeconds) {
                next = (int) Math.min(units, Math.floor(nptSeconds * 1e6 / UNIT_MICROS));
                return next * UNIT_MICROS / 1e6;
            }

            @Override
            public long nextSendTimeMicros() {
                return next >= units ? END : next * UNIT_MICROS;
            }

            @Override
            public void emitNext(PacketSink sink) {
                sink.packet(0, ByteBuffer.wrap(new byte[] {(byte) next}), true, next * UNIT_TICKS, 96);
                next++;
            }

            @Override
            public void close() {
                readersClosed++;
            }
        };
    }
}
